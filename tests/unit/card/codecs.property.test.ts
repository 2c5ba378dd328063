import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CommandApdu, decodeCommand, decodeResponse, encodeCommand } from '../../../devices/card-reader/app/apdu.js';
import { isCodecError } from '../../../devices/card-reader/app/codec-error.js';
import { decodeDg1, decodeDg11, decodeDg15, decodeDg2, decodeDg3 } from '../../../devices/card-reader/app/data-groups.js';
import { decodeSecurityObject } from '../../../devices/card-reader/app/security-object.js';
import { decodeTlvs, encodeConstructed, encodeTlv, readTlvHeader } from '../../../devices/card-reader/app/tlv.js';
import { VpcdDecoder, encodeFrame } from '../../../simulators/card-reader/virtual-card/vpcd-framing.js';

/** Runs `decode`; it may return, or throw a CodecError, and nothing else. */
function typedOrValue(decode: () => unknown): void {
  try {
    decode();
  } catch (error) {
    if (!isCodecError(error)) throw error;
  }
}

const bytes = (max = 300): fc.Arbitrary<Uint8Array> => fc.uint8Array({ maxLength: max });
const byte = fc.integer({ min: 0, max: 255 });

const commandArb: fc.Arbitrary<CommandApdu> = fc
  .record({
    cla: byte,
    ins: byte,
    p1: byte,
    p2: byte,
    data: fc.uint8Array({ maxLength: 600 }),
    le: fc.option(fc.integer({ min: 1, max: 65536 }), { nil: undefined }),
    extended: fc.boolean(),
  })
  .map((c) => ({ ...c, extended: c.extended || c.data.length > 255 || (c.le !== undefined && c.le > 256) }));

describe('APDU codec', () => {
  it('round-trips every command, short and extended', () => {
    fc.assert(
      fc.property(commandArb, (c) => {
        const decoded = decodeCommand(encodeCommand(c));
        expect([decoded.cla, decoded.ins, decoded.p1, decoded.p2]).toEqual([c.cla, c.ins, c.p1, c.p2]);
        expect([...decoded.data]).toEqual([...c.data]);
        expect(decoded.le).toBe(c.le);
      }),
    );
  });

  it('random and truncated commands decode or fail with a CodecError', () => {
    fc.assert(fc.property(bytes(), (b) => typedOrValue(() => decodeCommand(b))));
    fc.assert(
      fc.property(commandArb, fc.nat(), (c, cut) => {
        const wire = encodeCommand(c);
        typedOrValue(() => decodeCommand(wire.subarray(0, cut % (wire.length + 1))));
      }),
    );
  });

  it('a response needs its two status bytes, and splits them off otherwise', () => {
    fc.assert(
      fc.property(bytes(), (b) => {
        if (b.length < 2) expect(() => decodeResponse(b)).toThrow(expect.objectContaining({ name: 'CodecError', code: 'truncated' }));
        else expect(decodeResponse(b).data.length).toBe(b.length - 2);
      }),
    );
  });

  it('rejects values no encoding can carry', () => {
    expect(() => encodeCommand({ cla: 256, ins: 0, p1: 0, p2: 0, data: new Uint8Array(0), le: undefined })).toThrow(expect.objectContaining({ code: 'malformed' }));
    expect(() => encodeCommand({ cla: 0, ins: 0, p1: 0, p2: 0, data: new Uint8Array(0), le: 70000 })).toThrow(expect.objectContaining({ code: 'too-long' }));
  });
});

describe('BER-TLV codec', () => {
  const tag = fc.constantFrom(0x04, 0x30, 0x5c, 0x61, 0x77, 0x5f01, 0x5f2e, 0x7f60, 0x5f8101);
  it('round-trips tags of 1–3 bytes and lengths of every size class', () => {
    fc.assert(
      fc.property(tag, fc.uint8Array({ maxLength: 70000 }), (t, value) => {
        const [decoded] = decodeTlvs(encodeTlv(t, value));
        expect(decoded?.tag).toBe(t);
        expect(decoded?.value.length).toBe(value.length);
      }),
      { numRuns: 30 },
    );
  });

  it('random bytes and every truncation decode or fail with a CodecError', () => {
    fc.assert(fc.property(bytes(), (b) => typedOrValue(() => decodeTlvs(b))));
    fc.assert(
      fc.property(tag, bytes(400), fc.nat(), (t, value, cut) => {
        const wire = encodeConstructed(0x61, [encodeTlv(t, value)]);
        const cutAt = 1 + (cut % (wire.length - 1)); // at least one byte, never all of them
        expect(() => decodeTlvs(wire.subarray(0, cutAt))).toThrow(expect.objectContaining({ name: 'CodecError' }));
      }),
    );
  });

  it('reads a header from the first bytes of a longer file', () => {
    const wire = encodeTlv(0x75, new Uint8Array(3000));
    expect(readTlvHeader(wire.subarray(0, 10))).toEqual({ tag: 0x75, headerLength: 4, length: 3000 });
  });
});

describe('data-group and security-object decoders', () => {
  const decoders = [decodeDg1, decodeDg2, decodeDg3, decodeDg11, decodeDg15, decodeSecurityObject];
  it('random bytes end in a value or a CodecError, never anything else', () => {
    fc.assert(fc.property(bytes(), fc.constantFrom(...decoders), (b, decode) => typedOrValue(() => decode(b))));
  });
  it('well-formed TLV with random children ends the same way', () => {
    const child = fc.tuple(fc.constantFrom(0x5f01, 0x5f02, 0x5f03, 0x5f04, 0x5f05, 0x5f06, 0x5f07, 0x5f08, 0x5f09, 0x5f10, 0x5f11, 0x5f12, 0x5f2e, 0x81, 0x80, 0xa0, 0x82, 0x83), bytes(40));
    fc.assert(
      fc.property(fc.constantFrom(0x61, 0x75, 0x63, 0x6b, 0x6f, 0x77), fc.array(child, { maxLength: 12 }), fc.constantFrom(...decoders), (outer, children, decode) =>
        typedOrValue(() => decode(encodeConstructed(outer, children.map(([t, v]) => encodeTlv(t, v))))),
      ),
    );
  });
});

describe('vpcd framing', () => {
  it('reassembles messages however the bytes are split', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 1, maxLength: 300 }), { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 10 }), (bodies, cuts) => {
        const wire = Uint8Array.from(bodies.flatMap((b) => [...encodeFrame(b)]));
        const points = [...new Set(cuts.map((c) => c % (wire.length + 1)))].sort((a, b) => a - b);
        const decoder = new VpcdDecoder();
        const out = [];
        let last = 0;
        for (const p of [...points, wire.length]) {
          out.push(...decoder.push(wire.subarray(last, p)));
          last = p;
        }
        expect(out.map((m) => (m.kind === 'control' ? [m.code] : [...m.apdu]))).toEqual(bodies.map((b) => [...b]));
      }),
    );
  });
});
