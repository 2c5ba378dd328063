import type { BaseDeviceEvents, Device } from '../contract.js';
import type { Finger } from '../fingerprint-scanner/contract.js';

/** The visible data on a Macau resident ID card, as stored in the chip. Dates are `YYYY-MM-DD`. */
export interface CardVisibleData {
  /** Seven digits and the check digit in brackets, e.g. `1234567(8)`. */
  cardNumber: string;
  nameZh: string;
  nameLatin: string;
  sex: 'F' | 'M';
  dateOfBirth: string;
  permanent: boolean;
  firstIssue: string;
  currentIssue: string;
  /** `null` for a card valid for life ("----" on the card). */
  expiry: string | null;
}

/** Readable only after the holder's 6-digit general PIN is verified. */
export interface CardProtectedData {
  fatherName: string;
  motherName: string;
  maritalStatus: 'single' | 'married' | 'divorced' | 'widowed';
  otherNames: string[];
}

export interface FingerprintReference {
  finger: Finger;
  /** The reference template stored in the chip; compared by the fingerprint scanner's `match`. */
  template: Uint8Array;
}

export type PinVerification =
  | { verified: true }
  | { verified: false; triesLeft: number }
  | { verified: false; blocked: true; triesLeft: 0 };

export interface AuthenticityResult {
  /** Passive authentication: the document security object's signature over the data groups. */
  passive: 'valid' | 'invalid';
  /** Active authentication: the chip proves it holds the chip key (a copy cannot). */
  active: 'valid' | 'invalid';
}

export interface CardReaderCapabilities {
  contactless: boolean;
  /** Whether APDUs above 255 bytes go in one exchange (otherwise they are chained). */
  extendedLength: boolean;
}

export interface CardReaderEvents extends BaseDeviceEvents {
  'card-inserted': { readonly at: number };
  'card-removed': { readonly at: number };
}

/**
 * A contactless ID card reader. Every read selects the ID application afresh, so a card swapped
 * between two reads is never mixed with the first one's data. Reads reject with `card-removed` if
 * the card leaves mid-operation, `card-unreadable` if the card is not an ID card, `not-connected`
 * if the reader goes offline, and `cancelled` when the signal fires.
 */
export interface CardReader extends Device<CardReaderEvents, CardReaderCapabilities> {
  isCardPresent(): boolean;
  /** Resolves when a card is on the reader (at once if one already is). No timeout of its own. */
  waitForCard(signal: AbortSignal): Promise<void>;
  /** Resolves when the reader is empty (at once if it already is). */
  waitForRemoval(signal: AbortSignal): Promise<void>;
  readVisibleData(signal?: AbortSignal): Promise<CardVisibleData>;
  /** The holder's face image (JPEG bytes). */
  readFaceImage(signal?: AbortSignal): Promise<Uint8Array>;
  readFingerprintReferences(signal?: AbortSignal): Promise<FingerprintReference[]>;
  /**
   * Verifies the general PIN (6 digits). A wrong PIN is a result with the tries left; the third
   * wrong try blocks the PIN. Rejects with `user-action-needed` (detail `pin-blocked`) when the PIN
   * is already blocked.
   */
  verifyPin(pin: string, signal?: AbortSignal): Promise<PinVerification>;
  /** Rejects with `user-action-needed` (detail `pin-required`) unless the PIN was verified on this card. */
  readProtectedData(signal?: AbortSignal): Promise<CardProtectedData>;
  checkAuthenticity(signal?: AbortSignal): Promise<AuthenticityResult>;
}
