/**
 * The answers must not depend on the machine's time zone. Two checks:
 * 1. the same cases run with process.env.TZ switched at runtime (Node applies a TZ change to
 *    the running process; the test first proves the switch took effect);
 * 2. no rule or calendar source uses a local-time Date API.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createServiceRules } from '../../../electron/host/service-rules/index.js';
import { at, facts, person, shippedConfig } from './fixtures.js';

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

function snapshot(): unknown {
  const rules = createServiceRules(shippedConfig());
  return [
    rules.evaluate('kinship-certificate', facts({ request: { certificate: { format: 'paper', pages: 2 } } }), at('2026-09-25', '16:00:00')),
    rules.evaluate('renew-permanent', facts({ person: person({ dateOfBirth: '1995-01-01' }) }), at('2026-03-13', '18:00:00')),
    rules.pickupOptions('kinship-certificate', at('2026-12-31', '23:59:59')),
    rules.pickupOptions('kinship-certificate', at('2026-03-10', '00:00:00')),
    rules.availability('queue-ticket', at('2026-03-10', '07:59:00')),
    rules.eligibility('renew-permanent', facts({ person: person({ dateOfBirth: '2000-02-29' }) }), at('2026-03-01', '00:30')),
  ];
}

describe('machine time zone', () => {
  it.each(['America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'])(
    'gives the same answers with TZ=%s as in Macau',
    (zone) => {
      process.env.TZ = 'Asia/Macau';
      expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(-480);
      const inMacau = snapshot();

      process.env.TZ = zone;
      const expectedOffset = { 'America/New_York': 300, 'Pacific/Kiritimati': -840, 'Pacific/Pago_Pago': 660, UTC: 0 }[zone];
      expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(expectedOffset);
      expect(snapshot()).toEqual(inMacau);
    },
  );

  it('no rule or calendar source uses local-time Date APIs', () => {
    const roots = ['../../../electron/host/service-rules', '../../../electron/host/calendar'].map((relative) =>
      fileURLToPath(new URL(relative, import.meta.url)),
    );
    const files = roots.flatMap(function walk(dir: string): string[] {
      return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
      });
    });
    expect(files.length).toBeGreaterThan(20);
    const forbidden = [
      /\.(get|set)(FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds)\(/,
      /\.getTimezoneOffset\(/,
      /\.toLocale(Date|Time)?String\(/,
      /\.toDateString\(|\.toTimeString\(/,
      /new Date\((?!Date\.UTC\()[^()]*,/, // multi-argument constructor = local time
    ];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const pattern of forbidden) expect({ file, match: pattern.exec(source)?.[0] }).toEqual({ file, match: undefined });
    }
  });
});
