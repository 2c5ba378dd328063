import { contactFieldsOf } from '../../shared/kiosk-api/schemas/contact-details.js';
import type { RequestOptions } from '../../shared/kiosk-api/schemas/service-facts.js';

/**
 * What the kiosk itself established during a visit by reading a second card and asking the back
 * office, as opposed to what the renderer sends. The rules see these instead of any claim in the
 * request: a renderer cannot make a child "on file" or a spouse's card "valid" by saying so.
 */
export interface VerifiedByKiosk {
  /** The minor child's or ward's card, read after the applicant's, and the relation on file. */
  contactSubject?: { relation: 'minor-child' | 'ward'; cardNumber: string; dateOfBirth: string; relationOnFile: boolean };
  /** The spouse's card, read after the applicant's: a valid (unexpired, authentic) smart card or not. */
  spouse?: { cardNumber: string; validSmartCard: boolean };
  /** The card number whose general PIN was verified in this visit (chip-data print). */
  chipPinVerifiedFor?: string;
}

/** The request with the kiosk's own findings in place of the renderer's claims. */
export function withVerified(request: RequestOptions, verified: Readonly<VerifiedByKiosk> | undefined): RequestOptions {
  const out: RequestOptions = { ...request };
  const subject = request.contactSubject;
  if (subject && subject.relation !== 'self') {
    const read = verified?.contactSubject;
    out.contactSubject =
      read && read.relation === subject.relation
        ? { ...read }
        : // Claimed but not read here: the relation cannot be on file.
          { relation: subject.relation, dateOfBirth: subject.dateOfBirth, relationOnFile: false };
  }
  if (request.marriage) {
    const spouse = verified?.spouse;
    const { spouseCardNumber: _claimed, ...marriage } = request.marriage;
    out.marriage = {
      ...marriage,
      spouseHoldsValidSmartCard: spouse?.validSmartCard ?? false,
      ...(spouse ? { spouseCardNumber: spouse.cardNumber } : {}),
    };
  }
  if (request.contactDetails) {
    // The fields changed are the fields filled in: the back office need not trust two lists.
    const filled = contactFieldsOf(request.contactDetails);
    out.dataChanges = [...new Set([...(request.dataChanges ?? []), ...filled])];
  }
  return out;
}
