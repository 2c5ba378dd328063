import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACK, EcrFrameDecoder, type EcrToken, encodeFrame, ETX, FS, NAK, STX } from '../../../devices/payment-terminal/drivers/ecr-frame.js';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
/** DATA as the protocol allows it: printable ASCII and FS. */
const dataBytes = fc.uint8Array({ minLength: 1, maxLength: 200 }).map((raw) => raw.map((b) => (b % 96 === 95 ? FS : 0x20 + (b % 96))));

function decodeAll(bytes: Uint8Array, cuts: number[] = []): EcrToken[] {
  const decoder = new EcrFrameDecoder();
  const tokens: EcrToken[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    tokens.push(...decoder.push(bytes.subarray(from, cut)));
    from = cut;
  }
  tokens.push(...decoder.push(bytes.subarray(from)));
  return mergeNoise(tokens);
}

/** Noise is reported per chunk; split input reports the same bytes in more pieces. */
function mergeNoise(tokens: EcrToken[]): EcrToken[] {
  const out: EcrToken[] = [];
  for (const token of tokens) {
    const last = out.at(-1);
    if (token.kind === 'noise' && last?.kind === 'noise') last.bytes += token.bytes;
    else out.push(token.kind === 'noise' ? { ...token } : token);
  }
  return out;
}

describe('ECR framing', () => {
  it('frames "00ST" as STX, length, data, ETX and the XOR of everything after STX', () => {
    const frame = encodeFrame(ascii('00ST'));
    // 0x30^0x30^0x30^0x34 ^ 0x30^0x30^0x53^0x54 ^ 0x03 = 0x04 ^ 0x07 ^ 0x03 = 0x00
    expect([...frame]).toEqual([STX, 0x30, 0x30, 0x30, 0x34, 0x30, 0x30, 0x53, 0x54, ETX, 0x00]);
    expect(decodeAll(frame)).toEqual([{ kind: 'frame', data: ascii('00ST') }]);
  });

  it('reads ACK and NAK between frames, and counts noise', () => {
    const bytes = Uint8Array.from([0x41, ACK, 0xff, 0x00, NAK, ...encodeFrame(ascii('01EQ\x1cR-1'))]);
    expect(decodeAll(bytes)).toEqual([
      { kind: 'noise', bytes: 1 },
      { kind: 'ack' },
      { kind: 'noise', bytes: 2 },
      { kind: 'nak' },
      { kind: 'frame', data: ascii('01EQ\x1cR-1') },
    ]);
  });

  it('refuses to build a frame holding control bytes (a bug, not data)', () => {
    expect(() => encodeFrame(Uint8Array.of(0x41, ETX))).toThrow(RangeError);
    expect(() => encodeFrame(new Uint8Array(0))).toThrow(RangeError);
  });

  it('abandons a half frame when a new one starts, and after a pause when times are given', () => {
    const full = encodeFrame(ascii('02SA'));
    expect(decodeAll(Uint8Array.from([STX, 0x30, 0x30, ...full]))).toEqual([{ kind: 'bad-frame', reason: 'interrupted' }, { kind: 'frame', data: ascii('02SA') }]);
    const decoder = new EcrFrameDecoder(50);
    expect(decoder.push(Uint8Array.from([STX, 0x30, 0x30, 0x31, 0x30, 0x41]), 0)).toEqual([]);
    expect(decoder.push(Uint8Array.of(ACK), 100)).toEqual([{ kind: 'bad-frame', reason: 'interrupted' }, { kind: 'ack' }]);
  });

  it('property: random bytes never throw, and every token is well formed', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) => {
        const tokens = new EcrFrameDecoder().push(bytes);
        for (const token of tokens) expect(['frame', 'ack', 'nak', 'bad-frame', 'noise']).toContain(token.kind);
      }),
      { numRuns: 300 },
    );
  });

  it('property: a frame split anywhere decodes the same', () => {
    fc.assert(
      fc.property(dataBytes, fc.array(fc.nat(), { maxLength: 6 }), (data, rawCuts) => {
        const frame = Uint8Array.from([ACK, ...encodeFrame(data), NAK, ...encodeFrame(data)]);
        const cuts = rawCuts.map((c) => c % (frame.length + 1));
        expect(decodeAll(frame, cuts)).toEqual(decodeAll(frame));
        expect(decodeAll(frame).filter((t) => t.kind === 'frame')).toHaveLength(2);
      }),
      { numRuns: 300 },
    );
  });

  it('property: one damaged byte anywhere in a frame never yields a frame (the LRC or the length catches it)', () => {
    fc.assert(
      fc.property(dataBytes, fc.nat(), fc.integer({ min: 1, max: 255 }), (data, position, mask) => {
        const frame = encodeFrame(data);
        const damaged = frame.slice();
        const at = position % frame.length;
        damaged[at] = (damaged[at] ?? 0) ^ mask;
        expect(decodeAll(damaged).some((t) => t.kind === 'frame')).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });
});
