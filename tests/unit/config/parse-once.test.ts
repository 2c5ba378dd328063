import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ONCE } from '../../../electron/host/calendar/config-file.js';
import { parseHostConfig } from '../../../electron/host/config/load.js';
import { HostConfigSchema } from '../../../electron/host/config/schema.js';
import { loadServiceDevices, ServiceDevicesConfigSchema } from '../../../electron/host/availability/service-devices.js';
import { loadRulesConfig } from '../../../electron/host/service-rules/config-loader.js';
import { FeesConfigSchema, KioskRulesConfigSchema, PickupConfigSchema } from '../../../electron/host/service-rules/config-schema.js';

/**
 * What the host parses once at start (its configuration, the operator's data files) is parsed
 * without zod's compiled fast path (`ONCE`, calendar/config-file.ts): generating and compiling a
 * parser per object shape cost ~25 ms of every start (docs/performance.md, wave 29). The checks
 * must be the same either way.
 */
const rulesDir = join(import.meta.dirname, '../../../config');
const RealFunction = globalThis.Function;

/** Runs `body` counting the functions compiled from source (`new Function`: zod's fast path). */
function compiledDuring(body: () => unknown): number {
  let compiled = 0;
  globalThis.Function = new Proxy(RealFunction, {
    construct(target, args: string[]) {
      compiled++;
      return Reflect.construct(target, args);
    },
    apply(target, self, args: string[]) {
      compiled++;
      return Reflect.apply(target, self, args);
    },
  });
  try {
    body();
  } finally {
    globalThis.Function = RealFunction;
  }
  return compiled;
}

afterEach(() => {
  globalThis.Function = RealFunction;
});

describe('what the host parses once at start', () => {
  // First in this file: zod compiles an object's fast path on its first parse, so this is the one that would.
  it('compiles no parser: the configuration, the rules and the service devices', () => {
    expect(compiledDuring(() => parseHostConfig({ rendererDir: '/tmp/r', rulesDir, journal: { path: ':memory:', keyHex: 'ab'.repeat(32) } }))).toBe(0);
    expect(compiledDuring(() => loadRulesConfig(rulesDir))).toBe(0);
    expect(compiledDuring(() => loadServiceDevices(rulesDir))).toBe(0);
  });

  const json = (file: string): unknown => JSON.parse(readFileSync(join(rulesDir, file), 'utf8'));
  const cases: [string, z.ZodType, unknown[]][] = [
    [
      'the host configuration',
      HostConfigSchema,
      [
        {},
        { kioskId: 'HQ-07', http: { port: 4000 }, idle: { timeoutSeconds: 90 } },
        { idle: { warningSeconds: 5 } },
        { http: { host: '0.0.0.0' }, devices: { 'card-reader': { driver: 'pcsc-magic' } } },
        { languages: [], unknownField: true },
        null,
        [],
      ],
    ],
    ['fees.json', FeesConfigSchema, [json('fees.json'), { ...(json('fees.json') as object), currency: 42 }, {}]],
    ['pickup.json', PickupConfigSchema, [json('pickup.json'), { extra: 1 }, 'pickup']],
    ['kiosk-rules.json', KioskRulesConfigSchema, [json('kiosk-rules.json'), {}, { ...(json('kiosk-rules.json') as object), idle: -1 }]],
    ['service-devices.json', ServiceDevicesConfigSchema, [json('service-devices.json'), { services: { nope: {} } }, {}]],
  ];
  it.each(cases)('%s: the same result and the same issues with the fast path and without', (_name, schema, inputs) => {
    for (const input of inputs) {
      const fast = schema.safeParse(input);
      const once = schema.safeParse(input, ONCE);
      expect(once.success).toBe(fast.success);
      if (fast.success) expect(once.data).toStrictEqual(fast.data);
      else expect(once.error?.issues).toStrictEqual(fast.error.issues);
    }
  });
});
