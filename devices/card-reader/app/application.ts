/**
 * The layout of the ID card application as the kiosk reads it (docs/card-application.md). The real
 * applet is not public; this one follows ISO/IEC 7816-4 and ICAO 9303 practice, and every value
 * here is the project's own.
 */

/** Proprietary AID (RID category F): F0 · "MACAUID" · version 01. */
export const ID_APPLICATION_AID = Uint8Array.of(0xf0, 0x4d, 0x41, 0x43, 0x41, 0x55, 0x49, 0x44, 0x01);

/** Elementary files under the application, selected by 2-byte file identifier. */
export const FILE = {
  COM: 0x011e, // which data groups the card holds
  DG1: 0x0101, // visible data (free)
  DG2: 0x0102, // face image (free)
  DG3: 0x0103, // fingerprint reference templates (free here; see docs)
  DG11: 0x010b, // protected personal data: needs VERIFY of the general PIN
  DG15: 0x010f, // the chip's public key for active authentication
  SOD: 0x011d, // document security object: hashes of the data groups, signed by the issuer
} as const;
export type FileId = (typeof FILE)[keyof typeof FILE];

/** Data group number → file, as listed in the security object. */
export const DATA_GROUP_FILES: ReadonlyMap<number, FileId> = new Map([
  [1, FILE.DG1],
  [2, FILE.DG2],
  [3, FILE.DG3],
  [11, FILE.DG11],
  [15, FILE.DG15],
]);

export const INS = {
  SELECT: 0xa4,
  READ_BINARY: 0xb0,
  VERIFY: 0x20,
  INTERNAL_AUTHENTICATE: 0x88,
  GET_RESPONSE: 0xc0,
} as const;

export const SELECT_P1 = { BY_FILE_ID: 0x02, BY_AID: 0x04 } as const;
/** P2 0C: select, return no FCI (the kiosk never needs it). */
export const SELECT_P2_NO_DATA = 0x0c;

/** VERIFY P2: reference 81 = the 6-digit general PIN (a specific, application-local reference). */
export const GENERAL_PIN_REFERENCE = 0x81;
/** The PIN block is the ASCII digits padded with FF to 8 bytes (as ISO 9564 format 2 pads). */
export const PIN_BLOCK_LENGTH = 8;
export const PIN_TRIES = 3;

/** The VERIFY data for `pin`: ASCII, padded with FF to 8 bytes; longer input is sent as is (it cannot match). */
export function pinBlock(pin: string): Uint8Array {
  const digits = new TextEncoder().encode(pin.slice(0, 64));
  const block = new Uint8Array(Math.max(PIN_BLOCK_LENGTH, digits.length)).fill(0xff);
  block.set(digits);
  return block;
}

/** INTERNAL AUTHENTICATE challenge length the kiosk sends; the card accepts 8–64 bytes. */
export const CHALLENGE_LENGTH = 16;
export const MIN_CHALLENGE = 8;
export const MAX_CHALLENGE = 64;
/** ECDSA P-256 signature as r ‖ s (IEEE P1363), 64 bytes. */
export const SIGNATURE_LENGTH = 64;

/** Data-group tags (ICAO 9303 values where the group has an ICAO counterpart). */
export const TAG = {
  COM: 0x60,
  DG1: 0x61,
  DG2: 0x75,
  DG3: 0x63,
  DG11: 0x6b,
  DG15: 0x6f,
  SOD: 0x77,
  // Inside DG1 (application-specific, context class 5F):
  CARD_NUMBER: 0x5f01,
  NAME_ZH: 0x5f02,
  NAME_LATIN: 0x5f03,
  SEX: 0x5f04,
  DATE_OF_BIRTH: 0x5f05,
  RESIDENCE: 0x5f06,
  FIRST_ISSUE: 0x5f07,
  CURRENT_ISSUE: 0x5f08,
  EXPIRY: 0x5f09,
  // Inside DG11:
  FATHER: 0x5f10,
  MOTHER: 0x5f11,
  MARITAL_STATUS: 0x5f12,
  OTHER_NAME: 0x5f13,
  // Inside DG2 / DG3:
  IMAGE: 0x5f2e,
  FINGER_TEMPLATE: 0x7f60,
  FINGER_POSITION: 0x81,
  // EF.COM:
  VERSION: 0x5f01,
  TAG_LIST: 0x5c,
  // Inside the SOD:
  SOD_VERSION: 0x80,
  SOD_HASH_ALGORITHM: 0x81,
  SOD_HASHES: 0xa0,
  SOD_HASH_ENTRY: 0x30,
  SOD_DG_NUMBER: 0x02,
  SOD_DIGEST: 0x04,
  SOD_SIGNATURE: 0x82,
  SOD_SIGNER_CERTIFICATE: 0x83,
} as const;

/** "--------" in EXPIRY: the card is valid for life (printed "----"). */
export const LIFETIME_EXPIRY = '--------';
/** SOD hash algorithm 01: SHA-256. Signatures: ECDSA P-256 with SHA-256, DER (X9.62). */
export const SOD_HASH_SHA256 = 0x01;
export const SOD_VERSION = 0x01;
