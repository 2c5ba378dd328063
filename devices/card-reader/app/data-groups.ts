import { z } from 'zod';
import { FINGERS, type Finger } from '../../fingerprint-scanner/contract.js';
import type { CardProtectedData, CardVisibleData, FingerprintReference } from '../contract.js';
import { LIFETIME_EXPIRY, TAG } from './application.js';
import { CodecError } from './codec-error.js';
import { childrenOf, decodeSingle, encodeConstructed, encodeTlv, requireChild } from './tlv.js';

/**
 * Encoders (the card's side) and decoders (the kiosk's side) of the data groups. Text is UTF-8,
 * dates YYYYMMDD. Decoded data is validated (zod) before it leaves the codec: a card is outside
 * the kiosk's trust boundary until passive authentication says otherwise.
 */

const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function text(tag: number, value: string): Uint8Array {
  return encodeTlv(tag, utf8.encode(value));
}

function readText(bytes: Uint8Array): string {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    throw new CodecError('malformed', 'text that is not UTF-8');
  }
}

const isoDate = z.iso.date();
const wireDate = (iso: string): string => iso.replaceAll('-', '');
function fromWireDate(bytes: Uint8Array): string {
  const value = readText(bytes);
  if (!/^\d{8}$/.test(value)) throw new CodecError('malformed', 'a date that is not YYYYMMDD');
  return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}`;
}

const VisibleSchema = z.strictObject({
  cardNumber: z.string().regex(/^\d{7}\(\d\)$/),
  nameZh: z.string().max(64),
  nameLatin: z.string().min(1).max(128),
  sex: z.enum(['F', 'M']),
  dateOfBirth: isoDate,
  permanent: z.boolean(),
  firstIssue: isoDate,
  currentIssue: isoDate,
  expiry: isoDate.nullable(),
});

const MARITAL = { S: 'single', M: 'married', D: 'divorced', W: 'widowed' } as const;
type MaritalCode = keyof typeof MARITAL;
const ProtectedSchema = z.strictObject({
  fatherName: z.string().max(128),
  motherName: z.string().max(128),
  maritalStatus: z.enum(['single', 'married', 'divorced', 'widowed']),
  otherNames: z.array(z.string().min(1).max(128)).max(16),
});

function validated<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new CodecError('malformed', `${what}: ${result.error.issues[0]?.path.join('.') ?? ''} invalid`);
  return result.data;
}

export function encodeDg1(v: CardVisibleData): Uint8Array {
  return encodeConstructed(TAG.DG1, [
    text(TAG.CARD_NUMBER, v.cardNumber),
    text(TAG.NAME_ZH, v.nameZh),
    text(TAG.NAME_LATIN, v.nameLatin),
    text(TAG.SEX, v.sex),
    text(TAG.DATE_OF_BIRTH, wireDate(v.dateOfBirth)),
    text(TAG.RESIDENCE, v.permanent ? 'P' : 'N'), // P permanent, N non-permanent resident
    text(TAG.FIRST_ISSUE, wireDate(v.firstIssue)),
    text(TAG.CURRENT_ISSUE, wireDate(v.currentIssue)),
    text(TAG.EXPIRY, v.expiry === null ? LIFETIME_EXPIRY : wireDate(v.expiry)),
  ]);
}

export function decodeDg1(file: Uint8Array): CardVisibleData {
  const c = childrenOf(decodeSingle(file, TAG.DG1));
  const residence = readText(requireChild(c, TAG.RESIDENCE));
  const expiry = requireChild(c, TAG.EXPIRY);
  return validated(
    VisibleSchema,
    {
      cardNumber: readText(requireChild(c, TAG.CARD_NUMBER)),
      nameZh: readText(requireChild(c, TAG.NAME_ZH)),
      nameLatin: readText(requireChild(c, TAG.NAME_LATIN)),
      sex: readText(requireChild(c, TAG.SEX)),
      dateOfBirth: fromWireDate(requireChild(c, TAG.DATE_OF_BIRTH)),
      permanent: residence === 'P' ? true : residence === 'N' ? false : null,
      firstIssue: fromWireDate(requireChild(c, TAG.FIRST_ISSUE)),
      currentIssue: fromWireDate(requireChild(c, TAG.CURRENT_ISSUE)),
      expiry: readText(expiry) === LIFETIME_EXPIRY ? null : fromWireDate(expiry),
    },
    'DG1',
  );
}

export function encodeDg11(p: CardProtectedData): Uint8Array {
  const code = (Object.keys(MARITAL) as MaritalCode[]).find((k) => MARITAL[k] === p.maritalStatus) ?? 'S';
  return encodeConstructed(TAG.DG11, [
    text(TAG.FATHER, p.fatherName),
    text(TAG.MOTHER, p.motherName),
    text(TAG.MARITAL_STATUS, code),
    ...p.otherNames.map((name) => text(TAG.OTHER_NAME, name)),
  ]);
}

export function decodeDg11(file: Uint8Array): CardProtectedData {
  const c = childrenOf(decodeSingle(file, TAG.DG11));
  const code = readText(requireChild(c, TAG.MARITAL_STATUS));
  return validated(
    ProtectedSchema,
    {
      fatherName: readText(requireChild(c, TAG.FATHER)),
      motherName: readText(requireChild(c, TAG.MOTHER)),
      maritalStatus: code in MARITAL ? MARITAL[code as MaritalCode] : null,
      otherNames: (c.get(TAG.OTHER_NAME) ?? []).map(readText),
    },
    'DG11',
  );
}

export function encodeDg2(jpeg: Uint8Array): Uint8Array {
  return encodeConstructed(TAG.DG2, [encodeTlv(TAG.IMAGE, jpeg)]);
}

export function decodeDg2(file: Uint8Array): Uint8Array {
  const image = requireChild(childrenOf(decodeSingle(file, TAG.DG2)), TAG.IMAGE);
  // JPEG: starts FF D8 FF, ends FF D9. Anything else is not a face image this kiosk can show.
  if (image.length < 5 || image[0] !== 0xff || image[1] !== 0xd8 || image[2] !== 0xff || image.at(-2) !== 0xff || image.at(-1) !== 0xd9) {
    throw new CodecError('malformed', 'DG2 does not hold a JPEG');
  }
  return image.slice();
}

export function encodeDg3(references: readonly FingerprintReference[]): Uint8Array {
  return encodeConstructed(
    TAG.DG3,
    references.map((r) =>
      encodeConstructed(TAG.FINGER_TEMPLATE, [
        encodeTlv(TAG.FINGER_POSITION, Uint8Array.of(FINGERS.indexOf(r.finger))),
        encodeTlv(TAG.IMAGE, r.template),
      ]),
    ),
  );
}

export function decodeDg3(file: Uint8Array): FingerprintReference[] {
  const entries = childrenOf(decodeSingle(file, TAG.DG3)).get(TAG.FINGER_TEMPLATE) ?? [];
  if (entries.length > FINGERS.length) throw new CodecError('too-long', 'more references than fingers');
  return entries.map((entry) => {
    const c = childrenOf(entry);
    const position = requireChild(c, TAG.FINGER_POSITION);
    const finger: Finger | undefined = position.length === 1 ? FINGERS[position[0] ?? 255] : undefined;
    if (finger === undefined) throw new CodecError('malformed', 'unknown finger position');
    const template = requireChild(c, TAG.IMAGE);
    if (template.length === 0 || template.length > 4096) throw new CodecError('malformed', 'template size');
    return { finger, template: template.slice() };
  });
}

/** DG15: the chip's public key as a DER SubjectPublicKeyInfo. */
export function encodeDg15(spkiDer: Uint8Array): Uint8Array {
  return encodeTlv(TAG.DG15, spkiDer);
}

export function decodeDg15(file: Uint8Array): Uint8Array {
  const spki = decodeSingle(file, TAG.DG15);
  if (spki.length < 16) throw new CodecError('malformed', 'DG15 too short for a public key');
  return spki.slice();
}

export function encodeCom(dataGroupTags: readonly number[]): Uint8Array {
  return encodeConstructed(TAG.COM, [text(TAG.VERSION, '0100'), encodeTlv(TAG.TAG_LIST, Uint8Array.from(dataGroupTags))]);
}
