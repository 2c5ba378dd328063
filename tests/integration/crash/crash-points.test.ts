import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addCounts, CRASH_POINTS, emptyCounts, runAll } from './harness.js';

/**
 * The host is killed with SIGKILL at every journal point (before or after the write commits), with
 * the back office and the payment terminal running outside it; after a restart every session is
 * final, no application lost or sent twice, no payment charged twice or without an application,
 * and the journal passes `PRAGMA integrity_check`. More trials: `npm run soak:crash -- --trials N`.
 */
const TRIALS = Number(process.env.CRASH_TRIALS ?? 20);
const workDir = mkdtempSync(join(tmpdir(), 'kiosk-crash-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('crash points', () => {
  it(
    `survives SIGKILL at ${CRASH_POINTS.length} journal points × ${TRIALS} trials`,
    async () => {
      const started = Date.now();
      const results = await runAll(CRASH_POINTS, TRIALS, workDir);
      const total = results.reduce((sum, r) => addCounts(sum, r.counts), emptyCounts());
      const failures = results.flatMap((r) => r.failures);
      console.log(JSON.stringify({ points: CRASH_POINTS.length, trialsPerPoint: TRIALS, ...total, seconds: Math.round((Date.now() - started) / 1000) }));
      expect(failures).toEqual([]);
      expect(total).toMatchObject({
        trials: CRASH_POINTS.length * TRIALS,
        crashed: CRASH_POINTS.length * TRIALS,
        sessionsNotFinal: 0,
        applicationsLost: 0,
        sentTwice: 0,
        chargedTwice: 0,
        chargedWithoutApplication: 0,
        applicationsWithoutPayment: 0,
        integrityFailures: 0,
      });
    },
    600_000,
  );
});
