/** PC/SC return codes (pcsclite.h) the transport tells apart. */
export const SCARD = {
  E_CANCELLED: 0x80100002,
  E_INVALID_HANDLE: 0x80100003,
  E_UNKNOWN_READER: 0x80100009,
  E_TIMEOUT: 0x8010000a,
  E_SHARING_VIOLATION: 0x8010000b,
  E_NO_SMARTCARD: 0x8010000c,
  E_PROTO_MISMATCH: 0x8010000f,
  E_NOT_READY: 0x80100010,
  F_COMM_ERROR: 0x80100013,
  E_NOT_TRANSACTED: 0x80100016,
  E_READER_UNAVAILABLE: 0x80100017,
  E_NO_SERVICE: 0x8010001d,
  E_SERVICE_STOPPED: 0x8010001e,
  E_NO_READERS_AVAILABLE: 0x8010002e,
  W_UNRESPONSIVE_CARD: 0x80100066,
  W_UNPOWERED_CARD: 0x80100067,
  W_RESET_CARD: 0x80100068,
  W_REMOVED_CARD: 0x80100069,
} as const;

/** What a failed PC/SC call means for the kiosk. */
export type PcscFailure = 'card-gone' | 'card-reset' | 'service-gone' | 'reader-gone' | 'in-use' | 'timeout' | 'card-mute' | 'other';

/** The return code in a pcsclite error message (`…(0x80100069)`), or null. */
export function pcscCode(error: unknown): number | null {
  const message = error instanceof Error ? error.message : String(error);
  const match = /\(0x([0-9a-f]{8})\)/i.exec(message);
  return match?.[1] === undefined ? null : Number.parseInt(match[1], 16);
}

export function classifyPcscError(error: unknown): PcscFailure {
  switch (pcscCode(error)) {
    case SCARD.W_REMOVED_CARD:
    case SCARD.E_NO_SMARTCARD:
    case SCARD.E_NOT_TRANSACTED: // vpcd and many drivers: the exchange broke because the card left
    case SCARD.F_COMM_ERROR:
      return 'card-gone';
    case SCARD.W_RESET_CARD:
      return 'card-reset';
    case SCARD.W_UNRESPONSIVE_CARD:
    case SCARD.W_UNPOWERED_CARD:
    case SCARD.E_PROTO_MISMATCH:
      return 'card-mute';
    case SCARD.E_NO_SERVICE:
    case SCARD.E_SERVICE_STOPPED:
    case SCARD.E_INVALID_HANDLE:
      return 'service-gone';
    case SCARD.E_UNKNOWN_READER:
    case SCARD.E_READER_UNAVAILABLE:
    case SCARD.E_NO_READERS_AVAILABLE:
    case SCARD.E_NOT_READY:
      return 'reader-gone';
    case SCARD.E_SHARING_VIOLATION:
      return 'in-use';
    case SCARD.E_TIMEOUT:
      return 'timeout';
    default:
      return 'other';
  }
}
