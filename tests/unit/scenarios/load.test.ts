import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, ScenarioError } from '../../../scenarios/runner/load.js';

/** Scenario files are refused with the file, line, column and field at fault, before any kiosk starts. */
const refusal = (source: string): ScenarioError => {
  try {
    parseScenario('bad.yaml', source);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('the scenario was accepted');
};

describe('scenario files', () => {
  it('every scenario in the library is valid', () => {
    const dir = join(import.meta.dirname, '../../../scenarios');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(25);
    for (const file of files) expect(loadScenario(join(dir, file)).steps.length).toBeGreaterThan(0);
  });

  it('reads steps with their lines and the defaults', () => {
    const scenario = parseScenario('ok.yaml', 'name: ok\nsteps:\n  - open: queue-ticket\n\n  - finger: {}\n  - clock: { advanceBy: 1h30m }\n');
    expect(scenario.lang).toBe('en');
    expect(scenario.steps.map((s) => [s.kind, s.line])).toEqual([
      ['open', 3],
      ['finger', 5],
      ['clock', 6],
    ]);
    expect(scenario.steps[1]!.value).toEqual({ quality: 85, matches: true });
  });

  it.each([
    ['a value out of range', 'name: x\nsteps:\n  - open: queue-ticket\n  - finger: { quality: 150 }\n', 4, 'steps[1].finger.quality', /<=100/],
    ['a misspelt field', 'name: x\nsteps:\n  - payment: { outcome: approve, reson: x }\n', 3, 'steps[0].payment.reson', /Unrecognized key/],
    ['an unknown step', 'name: x\nsteps:\n  - open: queue-ticket\n  - tapp: actions.finish\n', 4, 'steps[1].tapp', /unknown step "tapp"/],
    ['a locale key that does not exist', 'name: x\nsteps:\n  - expect: { screen: queue.choseTitle }\n', 3, 'steps[0].expect.screen', /no message "queue.choseTitle"/],
    ['an unknown card', 'name: x\nsteps:\n  - card: nobody\n', 3, 'steps[0].card', /Invalid/],
    ['two keys in one step', 'name: x\nsteps:\n  - open: queue-ticket\n    card: expired\n', 3, 'steps[0]', /exactly one key/],
    ['a missing name', 'steps:\n  - open: queue-ticket\n', 1, 'name', /expected string/],
    ['an instant without an offset', 'name: x\nsteps:\n  - clock: { jumpTo: "2026-11-24T22:30:00" }\n', 3, 'steps[0].clock.jumpTo', /datetime/i],
    ['an earlier application of nobody on file', 'name: x\nsteps:\n  - application: { resident: nobody, service: document-pickup }\n', 3, 'steps[0].application.resident', /seed resident/],
    ['a camera the runner has no video for', 'name: x\ncamera: selfie\nsteps:\n  - open: queue-ticket\n', 2, 'camera', /face|receipt-qr/],
    ['broken YAML', 'name: x\nsteps:\n  - open: [queue-ticket\n', 4, '(yaml)', /./],
  ])('refuses %s with its line and field', (_what, source, line, field, reason) => {
    const error = refusal(source);
    expect(error.code).toBe('invalid-scenario');
    expect(error.line).toBe(line);
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
    expect(error.message).toMatch(new RegExp(`^bad\\.yaml:${line}:\\d+: `));
  });
});
