import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addCounts, CRASH_POINTS, emptyCounts, runAll } from './harness.js';

/**
 * The host (createHost, its KioskApi handlers, the serial terminal driver on a pty) is killed with
 * SIGKILL at every journal point × phase (before or after the write commits), with the back office
 * and the terminal's far end running outside it; after a restart every session is final, no
 * application lost or sent twice, no payment charged twice or without an application, and the
 * journal passes `PRAGMA integrity_check`, and the back office never received one application twice. More trials: `npm run soak:crash -- --trials N`.
 */
const TRIALS = Number(process.env.CRASH_TRIALS ?? 1); // one per point × phase in `npm test` (about 4 minutes); the soak runs more
const POINTS = CRASH_POINTS;
const workDir = mkdtempSync(join(tmpdir(), 'kiosk-crash-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }), 60_000); // many journals: slow to delete on a busy disk

describe('crash points', () => {
  it(
    `survives SIGKILL at ${POINTS.length} journal points × ${TRIALS} trials`,
    async () => {
      const started = Date.now();
      const results = await runAll(POINTS, TRIALS, workDir);
      const total = results.reduce((sum, r) => addCounts(sum, r.counts), emptyCounts());
      const failures = results.flatMap((r) => r.failures);
      console.log(JSON.stringify({ points: POINTS.length, trialsPerPoint: TRIALS, ...total, seconds: Math.round((Date.now() - started) / 1000) }));
      expect(failures).toEqual([]);
      expect(total).toMatchObject({
        trials: POINTS.length * TRIALS,
        crashed: POINTS.length * TRIALS,
        sessionsNotFinal: 0,
        applicationsLost: 0,
        sentTwice: 0,
        chargedTwice: 0,
        chargedWithoutApplication: 0,
        applicationsWithoutPayment: 0,
        integrityFailures: 0,
        // The outbox asks the back office before sending again: a crash never makes it a replay.
        replays: 0,
      });
    },
    1_200_000, // about 4 minutes alone on 2 cores; a busy machine takes longer
  );
});
