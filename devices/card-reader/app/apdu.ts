import { CodecError } from './codec-error.js';

/**
 * ISO/IEC 7816-4 command and response APDUs (short and extended length), as a pure codec.
 *
 * Case 1: CLA INS P1 P2
 * Case 2: header · Le            (short: 1 byte, 00 = 256; extended: 00 Le1 Le2, 0000 = 65536)
 * Case 3: header · Lc · data     (short: 1 byte 01–FF; extended: 00 Lc1 Lc2)
 * Case 4: header · Lc · data · Le (extended: Le is 2 bytes, no leading 00)
 */
export interface CommandApdu {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  data: Uint8Array;
  /** Expected response length: undefined for none, 1–256 short, 1–65536 extended. */
  le: number | undefined;
  /** Forces extended-length encoding (required when data > 255 bytes or le > 256). */
  extended?: boolean;
}

export interface ResponseApdu {
  data: Uint8Array;
  sw: number;
}

export const MAX_SHORT_LC = 255;
export const MAX_SHORT_LE = 256;
export const MAX_EXTENDED_LE = 65536;

export function command(
  cla: number,
  ins: number,
  p1: number,
  p2: number,
  data: Uint8Array = new Uint8Array(0),
  le?: number,
  extended = false,
): CommandApdu {
  return { cla, ins, p1, p2, data, le, extended };
}

/** Encodes a command; throws CodecError for values that no encoding can carry. */
export function encodeCommand(c: CommandApdu): Uint8Array {
  for (const [name, value] of [['cla', c.cla], ['ins', c.ins], ['p1', c.p1], ['p2', c.p2]] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new CodecError('malformed', `${name} is not a byte`);
  }
  const lc = c.data.length;
  const le = c.le;
  if (le !== undefined && (!Number.isInteger(le) || le < 1 || le > MAX_EXTENDED_LE)) {
    throw new CodecError('too-long', `le ${le} is out of range`);
  }
  if (lc > 0xffff) throw new CodecError('too-long', `data of ${lc} bytes cannot be sent`);
  const extended = c.extended === true || lc > MAX_SHORT_LC || (le !== undefined && le > MAX_SHORT_LE);
  const out: number[] = [c.cla, c.ins, c.p1, c.p2];
  if (!extended) {
    if (lc > 0) out.push(lc, ...c.data);
    if (le !== undefined) out.push(le === MAX_SHORT_LE ? 0x00 : le); // 00 means 256
    return Uint8Array.from(out);
  }
  if (lc > 0) out.push(0x00, lc >> 8, lc & 0xff, ...c.data); // 00 marks the extended Lc
  if (le !== undefined) {
    const wire = le === MAX_EXTENDED_LE ? 0 : le; // 0000 means 65536
    if (lc === 0) out.push(0x00); // an extended Le without Lc carries its own 00 marker
    out.push(wire >> 8, wire & 0xff);
  }
  return Uint8Array.from(out);
}

/** Decodes a command APDU (the card's side). Throws CodecError for anything not ISO 7816-4. */
export function decodeCommand(bytes: Uint8Array): CommandApdu {
  if (bytes.length < 4) throw new CodecError('truncated', `a command needs 4 header bytes, got ${bytes.length}`);
  const [cla, ins, p1, p2] = [bytes[0] ?? 0, bytes[1] ?? 0, bytes[2] ?? 0, bytes[3] ?? 0];
  const body = bytes.subarray(4);
  const base = { cla, ins, p1, p2 };
  if (body.length === 0) return { ...base, data: new Uint8Array(0), le: undefined };
  if (body.length === 1) return { ...base, data: new Uint8Array(0), le: (body[0] ?? 0) || MAX_SHORT_LE };
  const first = body[0] ?? 0;
  if (first !== 0) {
    // Short case 3 or 4: Lc, data, optional Le.
    const lc = first;
    if (body.length === 1 + lc) return { ...base, data: body.slice(1), le: undefined };
    if (body.length === 2 + lc) return { ...base, data: body.slice(1, 1 + lc), le: (body[1 + lc] ?? 0) || MAX_SHORT_LE };
    throw new CodecError(body.length < 1 + lc ? 'truncated' : 'malformed', `short command body of ${body.length} bytes does not match Lc ${lc}`);
  }
  // Extended: 00 then two bytes.
  if (body.length < 3) throw new CodecError('truncated', 'extended length field is cut short');
  const n = ((body[1] ?? 0) << 8) | (body[2] ?? 0);
  if (body.length === 3) return { ...base, data: new Uint8Array(0), le: n || MAX_EXTENDED_LE, extended: true };
  if (n === 0) throw new CodecError('malformed', 'extended Lc of 0');
  if (body.length === 3 + n) return { ...base, data: body.slice(3, 3 + n), le: undefined, extended: true };
  if (body.length === 5 + n) {
    const le = ((body[3 + n] ?? 0) << 8) | (body[4 + n] ?? 0);
    return { ...base, data: body.slice(3, 3 + n), le: le || MAX_EXTENDED_LE, extended: true };
  }
  throw new CodecError(body.length < 3 + n ? 'truncated' : 'malformed', `extended command body of ${body.length} bytes does not match Lc ${n}`);
}

/** Splits a response into data and the two status bytes. Throws CodecError if SW1 SW2 are missing. */
export function decodeResponse(bytes: Uint8Array): ResponseApdu {
  if (bytes.length < 2) throw new CodecError('truncated', `a response needs SW1 SW2, got ${bytes.length} bytes`);
  const sw = ((bytes[bytes.length - 2] ?? 0) << 8) | (bytes[bytes.length - 1] ?? 0);
  return { data: bytes.slice(0, bytes.length - 2), sw };
}

export function encodeResponse(data: Uint8Array, sw: number): Uint8Array {
  const out = new Uint8Array(data.length + 2);
  out.set(data);
  out[data.length] = sw >> 8;
  out[data.length + 1] = sw & 0xff;
  return out;
}

/** The status words this application uses (ISO/IEC 7816-4 §5.6). */
export const SW = {
  OK: 0x9000,
  /** 61xx: xx more bytes are ready; fetch them with GET RESPONSE. */
  MORE_DATA: 0x6100,
  /** 63Cx: verification failed, x tries left. */
  VERIFY_FAILED: 0x63c0,
  WRONG_LENGTH: 0x6700,
  /** 6882: the card does not do secure messaging; 6884: command chaining not supported. */
  CHAINING_NOT_SUPPORTED: 0x6884,
  SECURITY_NOT_SATISFIED: 0x6982,
  PIN_BLOCKED: 0x6983,
  CONDITIONS_NOT_SATISFIED: 0x6985,
  WRONG_DATA: 0x6a80,
  FILE_NOT_FOUND: 0x6a82,
  WRONG_P1P2: 0x6b00,
  /** 6Cxx: wrong Le; xx is the exact length to ask for. */
  WRONG_LE: 0x6c00,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
  UNKNOWN: 0x6f00,
  /** 6282: end of file reached before Le bytes. */
  END_OF_FILE: 0x6282,
} as const;

export function sw1(sw: number): number {
  return sw >> 8;
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
