import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCommand, decodeResponse, encodeCommand } from '../../../devices/card-reader/app/apdu.js';
import { TAG } from '../../../devices/card-reader/app/application.js';
import { isCodecError } from '../../../devices/card-reader/app/codec-error.js';
import { decodeDg1, decodeDg11, decodeDg15, decodeDg2, decodeDg3, encodeDg1, encodeDg11, encodeDg15, encodeDg2, encodeDg3 } from '../../../devices/card-reader/app/data-groups.js';
import { decodeSecurityObject, encodeSecurityObject, encodeSignedContent } from '../../../devices/card-reader/app/security-object.js';
import { childrenOf, decodeTlvs, encodeConstructed, encodeTlv, readTlvHeader } from '../../../devices/card-reader/app/tlv.js';

/**
 * Fuzzing the card application's decoders (TLV, APDUs, the data groups, the document security
 * object): whatever bytes a card or a reader returns, a decoder gives a value or throws a
 * `CodecError` with a stable code; anything else thrown (a RangeError from a bad offset, say) is a
 * crash, since the driver turns only CodecErrors into a device `protocol` error.
 */
const RUNS = 10_000;

function decodesOrRefuses(decode: () => unknown): void {
  try {
    decode();
  } catch (error) {
    if (!isCodecError(error)) throw error;
  }
}

/** Valid files of every kind, then damaged: bytes flipped, cut short, spliced, or grown. */
const VISIBLE = { cardNumber: '1234567(9)', nameZh: '陳大文', nameLatin: 'CHAN TAI MAN', sex: 'M' as const, dateOfBirth: '1985-03-12', permanent: true, firstIssue: '2003-05-01', currentIssue: '2018-06-01', expiry: null };
const VALID_FILES = [
  encodeDg1(VISIBLE),
  encodeDg1({ ...VISIBLE, expiry: '2028-06-01', permanent: false }),
  encodeDg11({ fatherName: '陳父', motherName: '李母', maritalStatus: 'married', otherNames: ['CHAN T M'] }),
  encodeDg2(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9)),
  encodeDg3([{ finger: 'right-thumb', template: new Uint8Array(40).fill(7) }]),
  encodeDg15(new Uint8Array(91).fill(3)),
  encodeSecurityObject(encodeSignedContent(new Map([[1, new Uint8Array(32).fill(1)], [2, new Uint8Array(32).fill(2)]])), new Uint8Array(64).fill(9), new Uint8Array(120).fill(5)),
];
const damaged = fc.oneof(
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 80 }) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...VALID_FILES), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 3 })).map(([file, flips]) => { const out = file.slice(); for (const [at, x] of flips) out[at % out.length] = (out[at % out.length] ?? 0) ^ x; return out; }) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...VALID_FILES), fc.nat()).map(([file, cut]) => file.slice(0, cut % (file.length + 1))) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...VALID_FILES), fc.uint8Array({ maxLength: 8 }), fc.nat()).map(([file, extra, at]) => { const i = at % (file.length + 1); return Uint8Array.from([...file.subarray(0, i), ...extra, ...file.subarray(i)]); }) },
  { weight: 1, arbitrary: fc.constantFrom(...VALID_FILES) },
  // Lengths that claim the world: long-form lengths of 3–4 bytes and more.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(0x61, 0x5f, 0x77, 0x30), fc.constantFrom(0x81, 0x82, 0x83, 0x84, 0x85, 0x8f, 0x80), fc.uint8Array({ maxLength: 6 })).map(([tag, len, rest]) => Uint8Array.from([tag, len, ...rest])) },
);

describe('card application codecs (fuzzed)', () => {
  it(`decodes ${RUNS} damaged or random files in every decoder, or refuses with a CodecError`, () => {
    fc.assert(
      fc.property(damaged, (bytes) => {
        for (const decode of [decodeDg1, decodeDg11, decodeDg2, decodeDg3, decodeDg15, decodeSecurityObject, decodeTlvs, readTlvHeader, childrenOf]) {
          decodesOrRefuses(() => decode(bytes));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`round-trips ${RUNS} random TLV trees`, () => {
    const primitiveTag = fc.constantFrom(TAG.CARD_NUMBER, TAG.NAME_ZH, TAG.IMAGE, TAG.FINGER_POSITION, TAG.SOD_DIGEST, 0x04, 0x5c, 0x9f1f);
    const node = fc.tuple(primitiveTag, fc.uint8Array({ maxLength: 300 })).map(([tag, value]) => ({ tag, value }));
    fc.assert(
      fc.property(fc.array(node, { maxLength: 5 }), fc.constantFrom(TAG.DG1, TAG.DG3, 0x7f60, 0x30), (nodes, outer) => {
        const wrapped = encodeConstructed(outer, nodes.map((n) => encodeTlv(n.tag, n.value)));
        const [only] = decodeTlvs(wrapped);
        expect(only?.tag).toBe(outer);
        expect(decodeTlvs(only!.value).map((t) => ({ tag: t.tag, value: Uint8Array.from(t.value) }))).toEqual(nodes.map((n) => ({ tag: n.tag, value: Uint8Array.from(n.value) })));
      }),
      { numRuns: RUNS },
    );
  });

  it(`decodes ${RUNS} random command and response APDUs, or refuses with a CodecError`, () => {
    const command = fc.record({
      cla: fc.integer({ min: 0, max: 255 }),
      ins: fc.integer({ min: 0, max: 255 }),
      p1: fc.integer({ min: 0, max: 255 }),
      p2: fc.integer({ min: 0, max: 255 }),
      data: fc.uint8Array({ maxLength: 300 }),
      le: fc.option(fc.integer({ min: 1, max: 65536 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 270 }), command.map((c) => { try { return encodeCommand(c); } catch { return Uint8Array.of(); } })), (bytes) => {
        decodesOrRefuses(() => {
          const decoded = decodeCommand(bytes);
          // What decodes re-encodes to the same bytes (one encoding per command).
          expect(Uint8Array.from(encodeCommand(decoded))).toEqual(Uint8Array.from(bytes));
        });
        decodesOrRefuses(() => decodeResponse(bytes));
      }),
      { numRuns: RUNS },
    );
  });
});
