import { z } from 'zod';
import { FINGERS } from '../../devices/fingerprint-scanner/contract.js';
import type { SeedResident } from '../backoffice/seed.js';
import { isPermanentSerial, isValidCardNumber } from './card-number.js';
import { PIN_TRIES, type IdCardProfile, SIMULATED_PIN } from './profiles.js';

/**
 * Virtual ID cards from JSON (a tester's file) or from a back-office seed resident, validated:
 * what a card holds must be a card the kiosk could meet. Used with VirtualCardTerminal.place().
 */
const date = z.iso.date();
export const CardProfileJson = z.strictObject({
  id: z.string().min(1).max(64),
  label: z.string().max(200).default('A card from a JSON profile'),
  visible: z.strictObject({
    cardNumber: z.string().refine(isValidCardNumber, 'not a card number with a valid check digit'),
    nameZh: z.string().max(64).default(''),
    nameLatin: z.string().min(1).max(128),
    sex: z.enum(['F', 'M']),
    dateOfBirth: date,
    permanent: z.boolean(),
    firstIssue: date,
    currentIssue: date,
    expiry: date.nullable(),
  }),
  protectedData: z
    .strictObject({
      fatherName: z.string().max(128).default(''),
      motherName: z.string().max(128).default(''),
      maritalStatus: z.enum(['single', 'married', 'divorced', 'widowed']).default('single'),
      otherNames: z.array(z.string().min(1).max(128)).max(16).default([]),
    })
    .prefault({}),
  pin: z.string().regex(/^\d{6}$/).default(SIMULATED_PIN),
  pinTries: z.number().int().min(0).max(PIN_TRIES).default(PIN_TRIES),
  /** `invalid` builds a tampered (passive) or copied (active) chip. */
  authenticity: z
    .strictObject({ passive: z.enum(['valid', 'invalid']).default('valid'), active: z.enum(['valid', 'invalid']).default('valid') })
    .prefault({}),
  fingers: z.array(z.enum(FINGERS)).max(10).default(['right-thumb', 'left-thumb']),
  /** `false`: a chip that takes only short APDUs (its ATR says so). */
  extendedLength: z.boolean().default(true),
});

export function cardProfileFromJson(json: unknown): IdCardProfile {
  return { chip: 'id-card', ...CardProfileJson.parse(json) };
}

/**
 * A card for a back-office seed resident. The back office holds no sex or issue dates: the
 * caller gives them (`card`), and the rest (number, names, birth date, marital status) come from
 * the resident, so the card finds its file in the back office. Serials starting 5 are
 * non-permanent residents' (as in the seed).
 */
export function cardProfileFromSeed(
  resident: SeedResident,
  card: { sex: 'F' | 'M'; firstIssue: string; currentIssue: string; expiry: string | null },
): IdCardProfile {
  return cardProfileFromJson({
    id: resident.id,
    label: `Seed resident: ${resident.branch}`,
    visible: {
      cardNumber: resident.cardNumber,
      nameZh: resident.nameZh,
      nameLatin: resident.nameLatin,
      dateOfBirth: resident.record.person.dateOfBirth,
      permanent: isPermanentSerial(resident.cardNumber),
      ...card,
    },
    protectedData: { maritalStatus: resident.record.person.maritalStatus },
  });
}
