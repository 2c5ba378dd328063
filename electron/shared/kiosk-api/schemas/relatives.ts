import { z } from 'zod';
import { KinRelation } from './service-facts.js';
import { RULES } from './rule-constants.js';

/**
 * The KioskApi methods of a kinship certificate's relatives (spread into `kioskMethods` in
 * bridge/contract.ts). The host reads each relative's ID card, keeps the list in the session and
 * feeds the rules' `request.relatives` from it; the renderer only ever sees masked names and numbers.
 */

/**
 * One relative as the touchscreen shows it. Masked on the host: the kiosk stands in a public hall,
 * and the resident only needs to tell the entries apart and spot a wrong card (陳*文, CHAN T** M**,
 * ****001(5)). The full data stays in the session and is wiped with it.
 */
export const RelativeView = z.object({
  relation: KinRelation,
  nameZh: z.string().max(40),
  nameLatin: z.string().max(80),
  cardNumber: z.string().regex(/^\*{4}\d{3}\(\d\)$/),
});
export type RelativeView = z.infer<typeof RelativeView>;

export const RelativesList = z.object({ relatives: z.array(RelativeView), max: z.number().int().positive() });
export type RelativesList = z.infer<typeof RelativesList>;

/** Refusals are outcomes, not errors: the resident removes the card and tries another. */
export const RelativeRefusal = z.enum(['duplicate', 'own-card', 'full']);
export type RelativeRefusal = z.infer<typeof RelativeRefusal>;

export const ReadRelativeResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('added'), list: RelativesList }),
  z.object({ outcome: RelativeRefusal, list: RelativesList }),
]);
export type ReadRelativeResult = z.infer<typeof ReadRelativeResult>;

const Index = z.number().int().min(0).max(RULES.maxRelatives - 1);
const NoParams = z.strictObject({});

function method<P extends z.ZodType, R extends z.ZodType>(params: P, result: R) {
  return { params, result };
}

export const relativesMethods = {
  /**
   * Waits for a card on the reader and reads it as the relative `relation` (appended, or in place of
   * entry `replace`). Long: pass an AbortSignal. Refuses (as an outcome) the applicant's own card,
   * a card already in the list, and a ninth relative. Errors as `identity.readCard`.
   */
  'relatives.readCard': method(z.strictObject({ relation: KinRelation, replace: Index.optional() }), ReadRelativeResult),
  /** Removes entry `index`; `step-not-allowed` if there is none. */
  'relatives.remove': method(z.strictObject({ index: Index }), RelativesList),
  'relatives.list': method(NoParams, RelativesList),
} as const;
