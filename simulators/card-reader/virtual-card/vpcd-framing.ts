import { CodecError } from '../../../devices/card-reader/app/codec-error.js';

/**
 * vpcd's framing (vsmartcard): every message is a 2-byte big-endian length, then the body. A body
 * of one byte is a control code; anything longer is a command APDU, answered by a framed response.
 * Pure codec: bytes may arrive split anywhere (a socket gives no message boundaries), so it buffers until a frame is whole.
 */
export const VPCD_CONTROL = {
  POWER_OFF: 0x00,
  POWER_ON: 0x01,
  RESET: 0x02,
  GET_ATR: 0x04, // answered with the framed ATR
} as const;

export type VpcdMessage = { kind: 'control'; code: number } | { kind: 'apdu'; apdu: Uint8Array };

export function encodeFrame(body: Uint8Array): Uint8Array {
  if (body.length > 0xffff) throw new CodecError('too-long', `a vpcd frame holds at most 65535 bytes, not ${body.length}`);
  const out = new Uint8Array(body.length + 2);
  out[0] = body.length >> 8;
  out[1] = body.length & 0xff;
  out.set(body, 2);
  return out;
}

export class VpcdDecoder {
  private buffer = new Uint8Array(0);

  /** Feeds received bytes; returns every message completed by them, in order. */
  push(chunk: Uint8Array): VpcdMessage[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    const out: VpcdMessage[] = [];
    let offset = 0;
    while (joined.length - offset >= 2) {
      const length = ((joined[offset] ?? 0) << 8) | (joined[offset + 1] ?? 0);
      if (joined.length - offset - 2 < length) break;
      const body = joined.slice(offset + 2, offset + 2 + length);
      offset += 2 + length;
      if (length === 0) continue; // an empty frame carries nothing; vpcd never sends one
      out.push(length === 1 ? { kind: 'control', code: body[0] ?? 0 } : { kind: 'apdu', apdu: body });
    }
    this.buffer = joined.slice(offset);
    return out;
  }
}
