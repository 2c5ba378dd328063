/**
 * Operator-replaceable configuration: replacing a file changes the answers; a malformed file is
 * refused at start with a message naming the file and the JSON path of the bad field.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ConfigError,
  createServiceRules,
  loadRulesConfig,
} from '../../../electron/host/service-rules/index.js';
import { at, CONFIG_DIR, shippedConfig } from './fixtures.js';

type Json = Record<string, unknown>;
const dirs: string[] = [];

function copyConfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dsi-config-'));
  cpSync(CONFIG_DIR, dir, { recursive: true });
  dirs.push(dir);
  return dir;
}

function edit(dir: string, file: string, change: (json: Json) => void): void {
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8')) as Json;
  change(json);
  writeFileSync(path, JSON.stringify(json));
}

function loadError(dir: string): ConfigError {
  try {
    loadRulesConfig(dir);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loading the configuration', () => {
  it('the shipped files are valid', () => {
    const config = loadRulesConfig(CONFIG_DIR);
    expect(config.holidays.map((file) => file.year)).toEqual([2026, 2027]);
  });

  it.each([
    {
      what: 'a fractional fee',
      file: 'fees.json',
      change: (json: Json) => {
        ((json.fees as Json)['kinship-certificate-paper-first-page'] as Json).amountAvos = 15.5;
      },
      path: '$.fees["kinship-certificate-paper-first-page"].amountAvos',
    },
    {
      what: 'a missing fee',
      file: 'fees.json',
      change: (json: Json) => {
        delete (json.fees as Json)['kinship-certificate-electronic'];
      },
      path: '$.fees["kinship-certificate-electronic"]',
    },
    {
      what: 'a band without an HQ time',
      file: 'pickup.json',
      change: (json: Json) => {
        const schedule = (json.schedules as Json)['certificate-same-day'] as { bands: { ready: Json }[] };
        delete schedule.bands[2]?.ready.hq;
      },
      path: '$.schedules["certificate-same-day"].bands[2].ready.hq',
    },
    {
      what: 'an office closing before it opens',
      file: 'pickup.json',
      change: (json: Json) => {
        ((json.offices as Json).hengqin as { sessions: Json[] }).sessions[1] = {
          days: ['mon'],
          open: '14:00',
          close: '13:00',
        };
      },
      path: '$.offices.hengqin.sessions[1].close',
    },
    {
      what: 'a bad time',
      file: 'pickup.json',
      change: (json: Json) => {
        (((json.schedules as Json)['certificate-same-day'] as { bands: Json[] }).bands[0] as Json).from = '9am';
      },
      path: '$.schedules["certificate-same-day"].bands[0].from',
    },
    {
      what: 'payment methods for a misspelt service',
      file: 'fees.json',
      change: (json: Json) => {
        (json.kioskPaymentMethods as Json)['kinship-certificat'] = ['govpay'];
      },
      path: '$.kioskPaymentMethods["kinship-certificat"]',
    },
    {
      what: 'an unknown leap-day rule',
      file: 'kiosk-rules.json',
      change: (json: Json) => {
        json.leapDayBirthday = 'never';
      },
      path: '$.leapDayBirthday',
    },
    {
      what: 'an impossible holiday date',
      file: 'holidays/2026.json',
      change: (json: Json) => {
        (json.holidays as Json[])[3] = { date: '2026-02-30', kind: 'public', name: { zh: '?', en: '?' } };
      },
      path: '$.holidays[3].date',
    },
    {
      what: 'a holiday in the wrong year',
      file: 'holidays/2027.json',
      change: (json: Json) => {
        ((json.holidays as Json[])[0] as Json).date = '2026-12-31';
      },
      path: '$.holidays[0].date',
    },
  ])('refuses $what, naming $path', ({ file, change, path }) => {
    const dir = copyConfig();
    edit(dir, file, change);
    const error = loadError(dir);
    expect(error.code).toBe('config-invalid');
    expect(error.message).toContain(join(dir, file));
    expect(error.message).toContain(path);
    expect(error.issues.map((issue) => issue.path)).toContain(path);
  });

  it('refuses a file that is not JSON', () => {
    const dir = copyConfig();
    writeFileSync(join(dir, 'fees.json'), '{ "currency": "MOP", ');
    expect(loadError(dir).message).toMatch(/fees\.json: \$: not valid JSON/);
  });

  it('refuses a holiday file whose year does not match its name', () => {
    const dir = copyConfig();
    edit(dir, 'holidays/2026.json', (json) => {
      json.year = 2025;
      json.holidays = [];
    });
    expect(loadError(dir).message).toContain('$.year');
  });

  it('refuses a configuration built in code, too', () => {
    const config = shippedConfig();
    config.fees.fees['id-card-renewal-permanent'].amountAvos = -1;
    expect(() => createServiceRules(config)).toThrow(/\$\.fees\.fees\["id-card-renewal-permanent"\]\.amountAvos/);
  });
});

describe('replacing files changes the answers without code changes', () => {
  const TUESDAY_5PM = at('2026-03-10', '17:00');
  const readyHq = (dir: string) =>
    createServiceRules(loadRulesConfig(dir))
      .pickupOptions('kinship-certificate', TUESDAY_5PM)
      .find((option) => option.place === 'hq')?.readyAt;

  it('holiday file: a new holiday on Wednesday moves the ready date to Thursday', () => {
    const dir = copyConfig();
    expect(readyHq(dir)).toBe('2026-03-11T13:30:00+08:00');
    edit(dir, 'holidays/2026.json', (json) => {
      (json.holidays as Json[]).push({ date: '2026-03-11', kind: 'government', name: { zh: '假期', en: 'Day off' } });
    });
    expect(readyHq(dir)).toBe('2026-03-12T13:30:00+08:00');
  });

  it('pickup file: a new table time is used as written', () => {
    const dir = copyConfig();
    edit(dir, 'pickup.json', (json) => {
      const bands = ((json.schedules as Json)['certificate-same-day'] as { bands: { ready: Json }[] }).bands;
      bands[4]!.ready.hq = { workingDaysLater: 1, at: '10:00' };
    });
    expect(readyHq(dir)).toBe('2026-03-11T10:00:00+08:00');
  });

  it('fees file: a new amount is quoted', () => {
    const dir = copyConfig();
    edit(dir, 'fees.json', (json) => {
      ((json.fees as Json)['kinship-certificate-electronic'] as Json).amountAvos = 2000;
    });
    const rules = createServiceRules(loadRulesConfig(dir));
    expect(rules.quote('kinship-certificate', { certificate: { format: 'electronic', copies: 2 } }).total).toBe(4000);
  });

  it('kiosk-rules file: the leap-day rule decides a 29 February birthday', () => {
    const dir = copyConfig();
    edit(dir, 'kiosk-rules.json', (json) => {
      json.leapDayBirthday = 'february-28';
    });
    const facts = {
      person: {
        dateOfBirth: '2000-02-29',
        interdiction: 'none' as const,
        maritalStatus: 'single' as const,
        relationsOnFile: { parents: true, children: true, spouse: true },
      },
      card: {
        number: '1234567(8)',
        residency: 'permanent' as const,
        chip: 'contactless' as const,
        firstIssueDate: '2010-01-01',
        currentIssueDate: '2025-02-28',
        expiry: { kind: 'date' as const, date: '2026-06-01' },
      },
    };
    const night = at('2026-03-10', '22:00');
    expect(createServiceRules(shippedConfig()).eligibility('renew-permanent', facts, night).verdict).toBe('not-allowed');
    expect(createServiceRules(loadRulesConfig(dir)).eligibility('renew-permanent', facts, night).verdict).toBe('allowed');
  });
});
