import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINGERS } from '../../../devices/fingerprint-scanner/contract.js';
import {
  decodeTemplate,
  encodeProbeTemplate,
  encodeReferenceTemplate,
  MATCH_THRESHOLD,
  matchScore,
} from '../../../simulators/fingerprint-scanner/template.js';

const finger = fc.constantFrom(...FINGERS);
const quality = fc.integer({ min: 0, max: 100 });

describe('simulated fingerprint templates', () => {
  it('round-trips probes and references', () => {
    fc.assert(
      fc.property(finger, quality, fc.boolean(), (f, q, m) => {
        expect(decodeTemplate(encodeProbeTemplate(f, q, m))).toMatchObject({ kind: 'probe', finger: f, quality: q, matches: m });
      }),
    );
    expect(decodeTemplate(encodeReferenceTemplate('left-index', 'x'))).toMatchObject({ kind: 'reference', finger: 'left-index' });
  });

  it('a matching probe scores at or above the threshold against the same finger, whatever its quality', () => {
    fc.assert(
      fc.property(finger, quality, fc.string(), (f, q, holder) => {
        expect(matchScore(encodeProbeTemplate(f, q, true), encodeReferenceTemplate(f, holder))).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
      }),
    );
  });

  it('a wrong finger, or another finger’s reference, scores below it', () => {
    fc.assert(
      fc.property(finger, finger, quality, fc.boolean(), fc.string(), (f, g, q, m, holder) => {
        fc.pre(!m || f !== g);
        expect(matchScore(encodeProbeTemplate(f, q, m), encodeReferenceTemplate(g, holder))).toBeLessThan(MATCH_THRESHOLD);
      }),
    );
  });

  it('scores garbage, swapped roles and truncated bytes 0', () => {
    const probe = encodeProbeTemplate('right-thumb', 90, true);
    const reference = encodeReferenceTemplate('right-thumb', 'chan-tai-man');
    expect(matchScore(reference, probe)).toBe(0);
    expect(matchScore(probe, probe)).toBe(0);
    expect(matchScore(probe.subarray(0, 8), reference)).toBe(0);
    expect(matchScore(new Uint8Array(12), reference)).toBe(0);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 16 }), (bytes) => decodeTemplate(bytes) === null || bytes.length === 12));
  });

  it('rejects a quality outside 0–100 when encoding', () => {
    expect(() => encodeProbeTemplate('right-thumb', 101, true)).toThrow(RangeError);
    expect(() => encodeProbeTemplate('right-thumb', 2.5, true)).toThrow(RangeError);
  });
});
