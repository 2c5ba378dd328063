import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksum, encodeLine, GaugeLineDecoder, type GaugeToken } from '../../../devices/height-gauge/drivers/gauge-lines.js';
import { Stabiliser } from '../../../devices/height-gauge/drivers/stabiliser.js';

const field = fc.stringMatching(/^[A-Za-z0-9.+:?_-]{1,8}$/);
const fields = fc.array(field, { minLength: 1, maxLength: 5 });

function decodeSplit(bytes: Uint8Array, cuts: number[]): GaugeToken[] {
  const decoder = new GaugeLineDecoder();
  const tokens: GaugeToken[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    tokens.push(...decoder.push(bytes.subarray(from, cut)));
    from = cut;
  }
  return [...tokens, ...decoder.push(bytes.subarray(from))];
}

describe('height gauge lines', () => {
  it('writes $RD,7,1420*HH CR LF, HH the XOR of the body in hex', () => {
    expect(checksum('RD,7,1420')).toBe('26');
    expect(new TextDecoder().decode(encodeLine(['RD', '7', '1420']))).toBe('$RD,7,1420*26\r\n');
    expect(new GaugeLineDecoder().push(encodeLine(['RD', '7', '1420']))).toEqual([{ kind: 'line', fields: ['RD', '7', '1420'] }]);
  });

  it('reports a wrong checksum, a broken line and an endless one', () => {
    const decoder = new GaugeLineDecoder();
    const text = new TextEncoder().encode(`$RD,7,1420*27\r\nRD,7*26\r\n${'x'.repeat(300)}\n`);
    expect(decoder.push(text)).toEqual([
      { kind: 'bad-line', reason: 'checksum' },
      { kind: 'bad-line', reason: 'format' },
      { kind: 'bad-line', reason: 'too-long' },
    ]);
  });

  it('property: random bytes never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) => {
        for (const token of new GaugeLineDecoder().push(bytes)) expect(['line', 'bad-line']).toContain(token.kind);
      }),
      { numRuns: 300 },
    );
  });

  it('property: a line split anywhere decodes the same', () => {
    fc.assert(
      fc.property(fields, fields, fc.array(fc.nat(), { maxLength: 6 }), (one, two, rawCuts) => {
        const bytes = Uint8Array.from([...encodeLine(one), ...encodeLine(two)]);
        const cuts = rawCuts.map((c) => c % (bytes.length + 1));
        expect(decodeSplit(bytes, cuts)).toEqual([
          { kind: 'line', fields: one },
          { kind: 'line', fields: two },
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('property: one damaged byte never yields the line (the checksum or the format catches it)', () => {
    fc.assert(
      fc.property(fields, fc.nat(), fc.integer({ min: 1, max: 255 }), (one, position, mask) => {
        const bytes = encodeLine(one);
        const damaged = bytes.slice();
        const at = position % bytes.length;
        damaged[at] = (damaged[at] ?? 0) ^ mask;
        const tokens = new GaugeLineDecoder().push(damaged);
        expect(tokens.some((t) => t.kind === 'line')).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('height stabiliser', () => {
  const options = { stableReadings: 3, toleranceMm: 5, minMm: 500, maxMm: 2300 };

  it('prompts step-on for nobody or implausible readings, then gives the median of agreeing ones', () => {
    const s = new Stabiliser(options);
    expect(s.push(null)).toEqual({ prompt: 'step-on' });
    expect(s.push(2600)).toEqual({}); // implausible: still step-on, not repeated
    expect(s.push(1702)).toEqual({ prompt: 'stand-straight' }); // someone there, not yet known to be still
    expect(s.push(1700)).toEqual({ prompt: 'measuring' });
    expect(s.push(1704)).toEqual({ prompt: 'step-off', heightMm: 1702 });
  });

  it('prompts stand-straight when readings disagree, and starts counting again', () => {
    const s = new Stabiliser(options);
    expect(s.push(1650)).toEqual({ prompt: 'stand-straight' });
    expect(s.push(1690)).toEqual({}); // still stand-straight: not repeated
    expect(s.push(1650)).toEqual({});
    expect(s.push(1651)).toEqual({ prompt: 'measuring' });
    expect(s.push(1650)).toEqual({ prompt: 'step-off', heightMm: 1650 });
  });

  it('goes back from measuring to stand-straight, and to step-on when the resident steps away', () => {
    const s = new Stabiliser(options);
    expect(s.push(1650)).toEqual({ prompt: 'stand-straight' });
    expect(s.push(1651)).toEqual({ prompt: 'measuring' });
    expect(s.push(1700)).toEqual({ prompt: 'stand-straight' });
    expect(s.push(null)).toEqual({ prompt: 'step-on' });
    expect(s.push(1700)).toEqual({ prompt: 'stand-straight' });
  });
});
