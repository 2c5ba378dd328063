/**
 * `npm run soak:crash -- --trials N [--points spec,spec]`: the crash-point suite through the real
 * path (KioskApi handlers, the serial terminal over a pty) with N trials per point × phase.
 * Progress goes to stderr; the last line on stdout is one JSON object with the points, the trials
 * and every count: all but `trials`, `crashed`, `sessions` and `replays` must be 0 (a replay is an
 * idempotent resend the back office answered from its first copy; counted, not a failure).
 * Exits 1 if any is not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCounts, CRASH_POINTS, emptyCounts, runAll } from '../integration/crash/harness.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const trials = Number(option('--trials') ?? 50);
if (!Number.isInteger(trials) || trials < 1) {
  process.stderr.write('--trials must be a positive whole number\n');
  process.exit(2);
}
const only = option('--points')?.split(',');
const points = only ? CRASH_POINTS.filter((p) => only.includes(p.spec)) : CRASH_POINTS;
const workDir = mkdtempSync(join(tmpdir(), 'kiosk-crash-soak-'));
const started = Date.now();
try {
  const results = await runAll(points, trials, workDir);
  for (const r of results) process.stderr.write(`${r.spec}: ${JSON.stringify(r.counts)}${r.failures.length ? ` FAIL ${r.failures.slice(0, 5).join('; ')}` : ''}\n`);
  const total = results.reduce((sum, r) => addCounts(sum, r.counts), emptyCounts());
  const summary = {
    points: points.length,
    trialsPerPoint: trials,
    trials: total.trials,
    crashed: total.crashed,
    sessions: total.sessions,
    sessionsNotFinal: total.sessionsNotFinal,
    applicationsLost: total.applicationsLost,
    sentTwice: total.sentTwice,
    chargedTwice: total.chargedTwice,
    chargedWithoutApplication: total.chargedWithoutApplication,
    applicationsWithoutPayment: total.applicationsWithoutPayment,
    integrityFailures: total.integrityFailures,
    replays: total.replays,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  process.stdout.write(JSON.stringify(summary) + '\n');
  const bad = summary.sessionsNotFinal + summary.applicationsLost + summary.sentTwice + summary.chargedTwice + summary.chargedWithoutApplication + summary.applicationsWithoutPayment + summary.integrityFailures;
  process.exitCode = bad === 0 && summary.crashed === summary.trials ? 0 : 1;
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
