import type { CardHolder } from '../bridge/contract.js';
import type { FactsInput, RequestOptions } from '../services/index.js';
import type { Session } from './session.js';
import { withVerified } from './verified.js';

/**
 * The facts the service rules see, from what this session has learnt so far. The card is known
 * once read; the person's file (interdiction, relations on file, …) comes from the back office,
 * and until it does the rules answer `person-not-identified`.
 */
export function factsFromSession(session: Session | undefined, request: RequestOptions = {}): FactsInput {
  const holder = session?.holder;
  const record = session?.person;
  return {
    ...(holder ? { card: cardFacts(holder) } : {}),
    ...(record ? { person: record.person } : {}),
    ...(record?.residenceCertificate ? { residenceCertificate: record.residenceCertificate } : {}),
    request: withVerified(request, session?.verified),
  };
}

export function cardFacts(holder: CardHolder): NonNullable<FactsInput['card']> {
  return {
    number: holder.cardNumber,
    residency: holder.permanent ? 'permanent' : 'non-permanent',
    // The kiosk's reader is contactless: a contact-chip card never reaches this point.
    chip: 'contactless',
    firstIssueDate: holder.firstIssue,
    currentIssueDate: holder.currentIssue,
    expiry: holder.expiry === null ? { kind: 'lifetime' } : { kind: 'date', date: holder.expiry },
  };
}
