import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { startBackofficeServer, type BackofficeServer } from '../../../simulators/backoffice/server.js';
import { startTerminalService, type TerminalService } from '../../../simulators/payment-terminal/remote/terminal-service.js';
import { parsePaymentReference } from '../../../electron/host/applications/payment-reference.js';
import type { Scenario } from '../../../electron/host/applications/run-scripted.js';

/**
 * The crash-point harness, shared by the vitest suite (tests/integration/crash) and the soak
 * (`npm run soak:crash`). Per point: a back office and a payment terminal that outlive the host
 * (they run here, in the test process), one journal file, and one host process per trial: it
 * recovers what the previous process left, then runs a resident's session and is SIGKILLed at the
 * point. After each restart the previous session must be final and money and submissions consistent.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const RUNNER = 'electron/host/applications/run-scripted.ts';
const KEY = 'a1'.repeat(32);

export interface CrashPoint {
  spec: string;
  scenarios: Scenario[];
}

/** Every journal point the state machine passes, each with scenarios that reach it. */
export const CRASH_POINTS: CrashPoint[] = [
  { spec: 'session.start:after', scenarios: ['approve'] },
  { spec: 'application.draft:after', scenarios: ['approve', 'walk-away'] },
  { spec: 'payment.intent:after', scenarios: ['approve', 'govpay'] },
  { spec: 'payment.sent:after', scenarios: ['approve', 'govpay'] },
  { spec: 'payment.result:before', scenarios: ['approve', 'govpay', 'decline-then-approve'] },
  { spec: 'payment.result:after', scenarios: ['approve', 'decline-then-approve'] },
  { spec: 'payment.enquired:before', scenarios: ['lost-response'] },
  { spec: 'submission.sending:after', scenarios: ['approve', 'govpay'] },
  { spec: 'submission.accepted:before', scenarios: ['approve', 'govpay'] },
  { spec: 'submission.accepted:after', scenarios: ['approve'] },
  { spec: 'submission.failed:before', scenarios: ['lose-submission', 'backoffice-down', 'refused'] },
  { spec: 'reversal.pending:after', scenarios: ['refused'] },
  { spec: 'reversal.done:before', scenarios: ['refused'] },
  { spec: 'application.abandoned:after', scenarios: ['walk-away'] },
  { spec: 'withdrawal.pending:after', scenarios: ['cancel-after-payment'] },
  { spec: 'withdrawal.done:before', scenarios: ['cancel-after-payment'] },
  { spec: 'reversal.pending:after:1', scenarios: ['cancel-after-payment'] },
  { spec: 'session.final:before', scenarios: ['approve', 'refused', 'walk-away'] },
];

export interface Counts {
  trials: number;
  crashed: number;
  sessionsNotFinal: number;
  applicationsLost: number;
  sentTwice: number;
  chargedTwice: number;
  chargedWithoutApplication: number;
  applicationsWithoutPayment: number;
  integrityFailures: number;
}

export function emptyCounts(): Counts {
  return {
    trials: 0,
    crashed: 0,
    sessionsNotFinal: 0,
    applicationsLost: 0,
    sentTwice: 0,
    chargedTwice: 0,
    chargedWithoutApplication: 0,
    applicationsWithoutPayment: 0,
    integrityFailures: 0,
  };
}

export function addCounts(a: Counts, b: Counts): Counts {
  const out = { ...a };
  for (const key of Object.keys(out) as Array<keyof Counts>) out[key] = a[key] + b[key];
  return out;
}

interface Child {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts a host process. `onRecovered` runs once it printed its recovery line (it then waits for
 * "go" on stdin when started with --await-go): the harness checks the previous trial there.
 */
function runHost(args: string[], env: Record<string, string>, onRecovered?: () => void): Promise<Child> {
  return new Promise((resolveChild, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let recovered = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (!recovered && stdout.includes('"event":"recovered"')) {
        recovered = true;
        onRecovered?.();
        child.stdin.end('go\n');
      }
    });
    child.stdin.on('error', () => {}); // the child may already be dead
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolveChild({ code, signal, stdout, stderr }));
  });
}

interface Sims {
  backoffice: BackofficeServer;
  terminal: TerminalService;
}

async function startSims(): Promise<Sims> {
  const backoffice = await startBackofficeServer({ govPayAutoPay: true });
  const terminal = await startTerminalService();
  return { backoffice, terminal };
}

/** Faults and queued outcomes the scenario needs during the resident's session, and only then. */
function arrange(sims: Sims, scenario: Scenario): void {
  const t = sims.terminal.terminal.control;
  t.clearQueue();
  if (scenario === 'lost-response') t.queueOutcome({ outcome: 'lose-response' });
  if (scenario === 'decline-then-approve') t.queueOutcome({ outcome: 'decline' });
  sims.backoffice.faults.submissions = scenario === 'backoffice-down' ? 'unavailable' : scenario === 'lose-submission' ? 'lose-response' : 'ok';
}

function reset(sims: Sims): void {
  sims.terminal.terminal.control.clearQueue();
  sims.backoffice.faults.submissions = 'ok';
}

/** The invariants for one session, from the journal, the back office and the terminal's ledger. */
function check(sims: Sims, journalPath: string, sessionId: string, scenario: Scenario): Omit<Counts, 'trials' | 'crashed' | 'integrityFailures'> {
  const db = new Database(journalPath, { readonly: true });
  try {
    const session = db.prepare(`SELECT state FROM sessions WHERE id = ?`).get(sessionId) as { state: string } | undefined;
    const apps = db.prepare(`SELECT id, state FROM applications WHERE session_id = ?`).all(sessionId) as Array<{ id: string; state: string }>;
    const refs = new Set(
      (db.prepare(`SELECT p.reference FROM payments p JOIN applications a ON a.id = p.application_id WHERE a.session_id = ?`).all(sessionId) as Array<{ reference: string }>).map(
        (r) => r.reference,
      ),
    );
    const appIds = new Set(apps.map((a) => a.id));
    const sales = sims.terminal.terminal.control.transactions().filter((t) => refs.has(t.reference) || appIds.has(parsePaymentReference(t.reference)?.applicationId ?? ''));
    const govpays = sims.backoffice.store.govPays().filter((g) => refs.has(g.reference));
    const everCharged = sales.some((s) => s.state === 'approved' || s.state === 'voided') || govpays.some((g) => g.status === 'paid' || g.status === 'refunded');
    const netCharges = sales.filter((s) => s.state === 'approved').length + govpays.filter((g) => g.status === 'paid').length;
    const received = sims.backoffice.store.applications().filter((a) => a.kioskSessionId === sessionId);
    const active = received.filter((a) => a.withdrawal === null);
    const acceptedInJournal = apps.some((a) => a.state === 'accepted');
    const refusedByDesign = scenario === 'refused';
    return {
      sessionsNotFinal: session?.state === 'final' || session === undefined ? 0 : 1,
      applicationsLost:
        (acceptedInJournal && received.length === 0) || (everCharged && received.length === 0 && !refusedByDesign) || apps.some((a) => a.state === 'queued' || a.state === 'draft')
          ? 1
          : 0,
      sentTwice: received.length > 1 ? 1 : 0,
      chargedTwice: netCharges > 1 ? 1 : 0,
      // A withdrawn application (cancelled after payment) must have its money back, and counts as none.
      chargedWithoutApplication: netCharges > 0 && active.length === 0 ? 1 : 0,
      applicationsWithoutPayment: active.some((a) => a.feeAvos > 0) && netCharges === 0 ? 1 : 0,
    };
  } finally {
    db.close();
  }
}

function integrityOk(journalPath: string): boolean {
  const db = new Database(journalPath, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) === 'ok';
  } finally {
    db.close();
  }
}

export interface PointResult {
  spec: string;
  counts: Counts;
  failures: string[];
}

/** Runs `trials` crash-and-recover trials at one point, each with a fresh session on one journal. */
export async function runPoint(point: CrashPoint, index: number, trials: number, workDir: string): Promise<PointResult> {
  const dir = join(workDir, `p${index}`);
  mkdirSync(dir, { recursive: true });
  const journal = join(dir, 'journal.sqlite');
  const sims = await startSims();
  const counts = emptyCounts();
  const failures: string[] = [];
  const common = ['--journal', journal, '--key', KEY, '--backoffice', sims.backoffice.url, '--terminal', sims.terminal.url];
  const env = { TMPDIR: dir };
  // Each host process first recovers the previous trial's session (its restart), then runs the
  // next one until it is killed: one process per trial, and a last one that only recovers.
  let previous: { sessionId: string; scenario: Scenario } | undefined;
  const checkPrevious = (): void => {
    if (!previous) return;
    const found = check(sims, journal, previous.sessionId, previous.scenario);
    for (const [key, value] of Object.entries(found) as Array<[keyof typeof found, number]>) {
      counts[key] += value;
      if (value > 0) failures.push(`${previous.sessionId}: ${key}`);
    }
  };
  try {
    for (let t = 0; t < trials; t++) {
      const scenario = point.scenarios[t % point.scenarios.length]!;
      const sessionId = `p${index}-t${t}-${scenario}`;
      const run = await runHost(
        [...common, '--await-go', '--scenario', scenario, '--session-id', sessionId],
        { ...env, KIOSK_CRASH_AT: point.spec },
        () => {
          checkPrevious();
          arrange(sims, scenario);
        },
      );
      reset(sims);
      counts.trials++;
      if (run.signal === 'SIGKILL') counts.crashed++;
      else failures.push(`${sessionId}: not killed at ${point.spec} (code ${run.code}) ${run.stderr.slice(0, 400)}`);
      previous = { sessionId, scenario };
    }
    const recovery = await runHost([...common, '--recover-only'], env);
    if (recovery.code !== 0) failures.push(`final recovery exited ${recovery.code}: ${recovery.stderr.slice(0, 400)}`);
    checkPrevious();
    if (!integrityOk(journal)) {
      counts.integrityFailures++;
      failures.push(`${point.spec}: integrity_check failed`);
    }
  } finally {
    await sims.backoffice.close();
    await sims.terminal.close();
  }
  return { spec: point.spec, counts, failures };
}

/** Runs every point, `concurrency` at a time (one per core). */
export async function runAll(points: CrashPoint[], trials: number, workDir: string, concurrency = 2): Promise<PointResult[]> {
  const results: PointResult[] = new Array(points.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < points.length) {
      const i = next++;
      results[i] = await runPoint(points[i]!, i, trials, workDir);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, points.length) }, worker));
  return results;
}

/**
 * Runs scripted sessions one after another on one journal (for the personal-data scan), each
 * optionally killed at a point; every host process's stdout and stderr are kept in `dir/logs`.
 * Ends without a final recovery when `leavePending`, so sealed personal data is still in the journal.
 */
export async function runSessions(
  dir: string,
  sessions: Array<{ scenario: Scenario; crashAt?: string }>,
  options: { leavePending?: boolean } = {},
): Promise<void> {
  mkdirSync(join(dir, 'logs'), { recursive: true });
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  const sims = await startSims();
  const journal = join(dir, 'journal.sqlite');
  const common = ['--journal', journal, '--key', KEY, '--backoffice', sims.backoffice.url, '--terminal', sims.terminal.url];
  // tsx's transpile cache would hold the simulators' source (and its fictional seed data) in the temp dir: off here.
  const env = { TMPDIR: join(dir, 'tmp'), KIOSK_LOG_LEVEL: 'debug', TSX_DISABLE_CACHE: '1' };
  const keep = (name: string, child: Child): void => {
    appendFileSync(join(dir, 'logs', `${name}.stdout.log`), child.stdout);
    appendFileSync(join(dir, 'logs', `${name}.stderr.log`), child.stderr);
  };
  try {
    for (const [i, session] of sessions.entries()) {
      const child = await runHost(
        [...common, '--await-go', '--scenario', session.scenario, '--session-id', `pii-${i}`],
        { ...env, ...(session.crashAt ? { KIOSK_CRASH_AT: session.crashAt } : {}) },
        () => arrange(sims, session.scenario),
      );
      // A scenario that leaves work pending keeps its fault until the end, so the data stays sealed in the journal.
      if (!options.leavePending) reset(sims);
      keep(`host-${i}`, child);
    }
    if (!options.leavePending) keep('recovery', await runHost([...common, '--recover-only'], env));
  } finally {
    await sims.backoffice.close();
    await sims.terminal.close();
  }
}
