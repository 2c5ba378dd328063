/**
 * The one error the card-application codecs throw: bytes from a card (or a reader) that do not
 * parse. Drivers turn it into a DeviceError `protocol`; anything else thrown by a codec is a bug.
 */
export const CODEC_ERROR_CODES = [
  'truncated', // fewer bytes than a length or header announced
  'malformed', // bytes present but not valid for this structure
  'too-long', // a length beyond what the structure allows
  'unexpected-tag', // a TLV object other than the one required here
] as const;
export type CodecErrorCode = (typeof CODEC_ERROR_CODES)[number];

export class CodecError extends Error {
  readonly code: CodecErrorCode;
  constructor(code: CodecErrorCode, message: string) {
    super(message);
    this.name = 'CodecError';
    this.code = code;
  }
}

/** By shape, never by class (an error that crossed a process or module copy is no longer an instance of the class). */
export function isCodecError(error: unknown): error is CodecError {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'CodecError' && (CODEC_ERROR_CODES as readonly unknown[]).includes(code);
}
