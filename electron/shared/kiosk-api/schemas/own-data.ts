import { z } from 'zod';
import { PinResult } from './biometrics.js';
import { ContactDetailsSchema, ContactPhone } from './contact-details.js';

/**
 * KioskApi methods of the services about the resident's own data (spread into `kioskMethods` in
 * bridge/contract.ts): reading a second card (a minor child's or ward's for a contact change, the
 * spouse's for a marriage) and printing the data in the chip after the general PIN. Pure zod.
 *
 * A second card is read after the applicant's: the host waits until a card that is not the
 * applicant's own is on the reader (so the resident may take theirs off first), and then checks it
 * itself; what it finds is what the rules see, whatever the renderer later claims.
 */
export { ContactDetailsSchema, ContactPhone };

const NoParams = z.strictObject({});
const IsoDate = z.iso.date();

function method<P extends z.ZodType, R extends z.ZodType>(params: P, result: R) {
  return { params, result };
}

/** The second card's holder, as much as the screen needs to say whose card it read. */
export const OtherCardHolder = z.object({
  nameZh: z.string().max(40),
  nameLatin: z.string().max(80),
});

export const ownDataMethods = {
  /**
   * Reads the card of the applicant's minor child or ward and asks the back office whether the
   * relation is on file. Long: waits up to the card-read time (`timeout`); cancellable. Needs the
   * applicant identified (`step-not-allowed`). The subject's date of birth and relation go into
   * the rules; the answer says whether the service can go on for this person.
   */
  'contacts.readSubjectCard': method(
    z.strictObject({ relation: z.enum(['minor-child', 'ward']) }),
    z.object({
      subject: OtherCardHolder.extend({ relation: z.enum(['minor-child', 'ward']), dateOfBirth: IsoDate, relationOnFile: z.boolean() }),
    }),
  ),
  /**
   * Reads the spouse's card and checks it is a valid smart ID card (not expired, passive and
   * active authentication valid). Long, cancellable, `timeout`; `step-not-allowed` before the
   * applicant is identified.
   */
  'marriage.readSpouseCard': method(NoParams, z.object({ spouse: OtherCardHolder.extend({ validSmartCard: z.boolean() }) })),
  /**
   * Verifies the general PIN (the PIN letter's 6 digits) of the applicant's card on the reader, to
   * read the chip's protected data. A wrong PIN answers with the tries left; a blocked PIN with
   * `blocked` (the resident goes to a counter). `card-removed` if another card is on the reader.
   */
  'chipData.verifyPin': method(z.strictObject({ pin: z.string().regex(/^\d{6}$/) }), PinResult),
  /**
   * Reads the chip's protected data (parents' names, marital status, other names) and prints it on
   * the receipt printer. The data goes to the paper only: it is neither returned nor logged. Needs
   * `chipData.verifyPin` first (`step-not-allowed`); printer faults are errors the resident may retry.
   */
  'chipData.print': method(NoParams, z.object({ printed: z.literal(true) })),
};
