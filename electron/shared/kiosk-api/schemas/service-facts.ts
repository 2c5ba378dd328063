/**
 * What the rules know about a visit: the person, the card, the residence certificate, the
 * accompanying guardian and the request. The host fills these from the card reader and the back
 * office; the bridge validates them with these schemas.
 */
import { z } from 'zod';
import { isValidCardNumber } from '../../../../devices/card-reader/card-number.js';
import { LocalDateSchema } from '../../calendar/local-date.js';
import { CounterOffice, PickupPlace } from './service-id.js';
import { ContactDetailsSchema } from './contact-details.js';

/** Card number as printed: 7 digits and a check digit in brackets, e.g. 1234567(8). */
export const CardNumber = z.string().regex(/^\d{7}\(\d\)$/, 'expected 7 digits and a check digit, e.g. 1234567(8)');

export const PersonSchema = z.object({
  dateOfBirth: LocalDateSchema,
  /** 禁治產 = interdicted, 準禁治產 = quasi-interdicted (inabilitado). */
  interdiction: z.enum(['none', 'interdicted', 'quasi-interdicted']),
  maritalStatus: z.enum(['single', 'married', 'divorced', 'widowed', 'unknown']),
  /** Relations already verified and on the person's ID file. [001 kinship Q1] */
  relationsOnFile: z.object({ parents: z.boolean(), children: z.boolean(), spouse: z.boolean() }),
  /** False when fingers are injured, peeling or unclear. [001 ID Q24C] */
  fingerprintsReadable: z.boolean().default(true),
  /** From the back office: what the new card needs captured ("if needed" [001 ID Q31]). */
  captureNeeds: z.object({ tenFingerprints: z.boolean(), height: z.boolean() }).optional(),
});

export const CardSchema = z.object({
  number: CardNumber,
  residency: z.enum(['permanent', 'non-permanent']),
  /** Contact-chip cards were issued until 30 Oct 2013. [001 ID Q27] */
  chip: z.enum(['contact', 'contactless']),
  firstIssueDate: LocalDateSchema,
  /** 本次發證日: the issue date printed on the card now held. */
  currentIssueDate: LocalDateSchema,
  /** A card valid for life shows "----" as its expiry. [001 ID Q24D] */
  expiry: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('date'), date: LocalDateSchema }),
    z.object({ kind: z.literal('lifetime') }),
  ]),
  beingReplaced: z.boolean().default(false),
  reportedLost: z.boolean().default(false),
});

/** PSP residence certificate received through 一戶通; valid 90 days. [000, 002] */
export const ResidenceCertificateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('missing') }),
  z.object({ status: z.literal('held'), issuedOn: LocalDateSchema, validUntil: LocalDateSchema }),
]);

export const GuardianSchema = z.object({
  relation: z.enum(['father', 'mother', 'guardian']),
  holdsMacauIdCard: z.boolean(),
});

/** Personal data a person may ask to change; the kiosk takes only the first four. [001 ID Q31] */
export const PersonalDataField = z.enum([
  'address',
  'phone',
  'occupation',
  'emergency-contact',
  'name',
  'parents-names',
  'date-of-birth',
  'place-of-birth',
  'marital-status',
  'card-data',
]);
export type PersonalDataField = z.infer<typeof PersonalDataField>;

/** Relations a kinship certificate can state (ascendants and descendants). [003] */
export const KinRelation = z.enum([
  'parent',
  'child',
  'spouse',
  'sibling',
  'paternal-grandparent',
  'maternal-grandparent',
  'grandchild',
]);
export type KinRelation = z.infer<typeof KinRelation>;

/** Items a personal-data certificate can carry. [001 Other Q14] */
export const PersonalDataItem = z.enum([
  'visible-card-data',
  'nationality',
  'spouse-name',
  'parents-names',
  'first-issue-date',
  'marital-status',
  'former-names',
]);
export type PersonalDataItem = z.infer<typeof PersonalDataItem>;

export const CertificateOptions = z.discriminatedUnion('format', [
  z.object({
    format: z.literal('paper'),
    copies: z.number().int().min(1).default(1),
    /** Pages per copy; the first costs more than each further one. [003] */
    pages: z.number().int().min(1).default(1),
  }),
  z.object({ format: z.literal('electronic'), copies: z.number().int().min(1).default(1) }),
]);
export type CertificateOptions = z.infer<typeof CertificateOptions>;

/** Request-specific choices; each service reads only its own. Absent = not chosen yet. */
export const RequestSchema = z.object({
  dataChanges: z.array(PersonalDataField).optional(),
  /** A lifetime contact-chip card may be exchanged for a contactless one. [001 ID Q1A] */
  exchangeContactCard: z.boolean().optional(),
  /**
   * Kinship certificate: the relatives, in the order their cards were read. The host fills this from
   * the cards it read (`cardNumber` included, for the back office); whatever a caller sends is ignored.
   */
  relatives: z.array(z.object({ relation: KinRelation, cardNumber: CardNumber.optional() })).optional(),
  certificate: CertificateOptions.optional(),
  verifyRelation: KinRelation.optional(),
  /** Kinship verification: the related person's ID number, typed on the keypad (check digit checked). */
  relatedCardNumber: CardNumber.refine(isValidCardNumber, 'wrong check digit').optional(),
  contactSubject: z
    .discriminatedUnion('relation', [
      z.object({ relation: z.literal('self') }),
      z.object({
        relation: z.enum(['minor-child', 'ward']),
        dateOfBirth: LocalDateSchema,
        relationOnFile: z.boolean(),
        /** The child's or ward's card, read at the kiosk after the applicant's (filled by the host). */
        cardNumber: CardNumber.optional(),
      }),
    ])
    .optional(),
  /** The new contact details (only the fields the resident changes); personal data. */
  contactDetails: ContactDetailsSchema.optional(),
  marriage: z
    .object({
      registeredOn: LocalDateSchema,
      /** The couple authorised the Civil Registry to pass the marriage data to DSI. */
      civilRegistryAuthorised: z.boolean(),
      spouseHoldsValidSmartCard: z.boolean(),
      /** The spouse's card, read at the kiosk (filled by the host). */
      spouseCardNumber: CardNumber.optional(),
    })
    .optional(),
  personalDataItems: z.array(PersonalDataItem).optional(),
  pinLetterAvailable: z.boolean().optional(),
  ticket: z.object({ office: CounterOffice, kind: z.enum(['same-day', 'booking']) }).optional(),
  /** Where the resident chose to collect the new document (one of the evaluation's pickup options). */
  pickupPlace: PickupPlace.optional(),
  pickup: z
    .object({
      documentKind: z.enum(['id-card', 'certificate']),
      documentIssuedOn: LocalDateSchema,
      collector: z.enum(['applicant', 'proxy']),
    })
    .optional(),
});
export type RequestOptions = z.infer<typeof RequestSchema>;

export const FactsSchema = z.object({
  /** Absent until the card is read and the person identified. */
  person: PersonSchema.optional(),
  card: CardSchema.optional(),
  residenceCertificate: ResidenceCertificateSchema.optional(),
  guardian: GuardianSchema.optional(),
  request: RequestSchema.default({}),
});

export type Person = z.infer<typeof PersonSchema>;
export type Card = z.infer<typeof CardSchema>;
export type ResidenceCertificate = z.infer<typeof ResidenceCertificateSchema>;
export type Guardian = z.infer<typeof GuardianSchema>;
/** Facts after parsing (defaults applied). */
export type Facts = z.infer<typeof FactsSchema>;
/** Facts as a caller may write them (defaults optional). */
export type FactsInput = z.input<typeof FactsSchema>;
