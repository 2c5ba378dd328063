import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { parsePaymentReference } from '../../../electron/host/applications/payment-reference.js';
import type { Scenario } from '../../../electron/host/applications/crash-scenarios.js';
import { JOURNAL_POINTS, type JournalPoint } from '../../../electron/host/journal/crash-points.js';
import { startBackofficeServer, type BackofficeServer } from '../../../simulators/backoffice/server.js';
import { SerialTerminalPeer } from '../../../simulators/payment-terminal/serial-terminal-peer.js';
import { startTerminalService } from '../../../simulators/payment-terminal/remote/terminal-service.js';
import type { CapturesFile } from '../../../electron/host/applications/run-scripted.js';
import { sampleCapture } from '../../../simulators/backoffice/sample-capture.js';

/**
 * The crash-point harness, shared by the vitest suite (tests/integration/crash) and the soak
 * (`npm run soak:crash`), through the real path: each trial is one headless kiosk host process
 * (electron/host/applications/run-visit.ts: createHost, its KioskApi handlers driven over the
 * bridge) whose payment terminal is the serial driver on a socat pty; the terminal's far end and
 * the back office run here, in the test process, so they outlive the host, as real ones do. Per
 * crash point × phase: one journal file; each host recovers what the previous one left, then runs
 * a resident's visit and is SIGKILLed at the point. After every restart, every session the journal
 * holds must be final and money and submissions consistent, counted at the terminal's ledger and
 * at the back office (including the back office's replays of one application).
 */
const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * The complete renewals the scripted runner (the personal-data scan) submits, made once per test process (sharp stays out of
 * the host processes), in a directory of their own: they are the residents' data as the devices gave
 * it, so they must not sit where the personal-data scan looks.
 */
export const CAPTURED_RESIDENTS = ['chan-tai-man', 'refused-at-submission'] as const;
let capturesFile: Promise<string> | undefined;
function writeCaptures(): Promise<string> {
  capturesFile ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-captures-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const captures: CapturesFile = {};
    for (const id of CAPTURED_RESIDENTS) captures[id] = await sampleCapture(id, 'renew-permanent');
    writeFileSync(join(dir, 'captures.json'), JSON.stringify(captures));
    return join(dir, 'captures.json');
  })();
  return capturesFile;
}
const RUNNER = 'electron/host/applications/run-visit.ts';
const SCRIPTED_RUNNER = 'electron/host/applications/run-scripted.ts';
const KEY = 'a1'.repeat(32);

export interface CrashPoint {
  spec: string;
  scenarios: Scenario[];
}

/** The visits that pass each journal point (both phases of each are crashed at). */
const PASSING: Record<JournalPoint, Scenario[]> = {
  'session.start': ['approve'],
  'application.draft': ['approve', 'walk-away'],
  'payment.intent': ['approve', 'govpay'],
  'payment.sent': ['approve', 'govpay'],
  'payment.result': ['approve', 'govpay', 'decline-then-approve'],
  'payment.enquired': ['lost-response'],
  'submission.sending': ['approve', 'govpay'],
  'submission.accepted': ['approve', 'govpay'],
  'submission.failed': ['lose-submission', 'backoffice-down', 'refused'],
  'reversal.pending': ['refused', 'cancel-after-payment'],
  'reversal.done': ['refused', 'cancel-after-payment'],
  'application.abandoned': ['walk-away'],
  'withdrawal.pending': ['cancel-after-payment'],
  'withdrawal.done': ['cancel-after-payment'],
  'session.end': ['approve', 'walk-away'],
  'session.final': ['approve', 'refused', 'walk-away'],
};

/** Every journal point × phase the state machine passes, each with visits that reach it. */
export const CRASH_POINTS: CrashPoint[] = JOURNAL_POINTS.flatMap((point) =>
  (['before', 'after'] as const).map((phase) => ({ spec: `${point}:${phase}`, scenarios: PASSING[point] })),
);

export interface Counts {
  trials: number;
  crashed: number;
  sessions: number;
  sessionsNotFinal: number;
  applicationsLost: number;
  sentTwice: number;
  chargedTwice: number;
  chargedWithoutApplication: number;
  applicationsWithoutPayment: number;
  /** Resends of one application the back office answered from its first copy (idempotent). */
  replays: number;
  integrityFailures: number;
}

export function emptyCounts(): Counts {
  return {
    trials: 0,
    crashed: 0,
    sessions: 0,
    sessionsNotFinal: 0,
    applicationsLost: 0,
    sentTwice: 0,
    chargedTwice: 0,
    chargedWithoutApplication: 0,
    applicationsWithoutPayment: 0,
    replays: 0,
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
 * "go" on stdin when started with --await-go): the harness checks the previous trials there.
 */
function runHost(args: string[], env: Record<string, string>, onRecovered?: () => void, runner = RUNNER): Promise<Child> {
  return new Promise((resolveChild, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', runner, ...args], {
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
  terminal: SerialTerminalPeer;
}

let rigs = 0;
async function startSims(dir: string): Promise<Sims> {
  const backoffice = await startBackofficeServer({ govPayAutoPay: true });
  rigs += 1;
  const base = join(dir, `ecr-${process.pid}-${rigs}`);
  const terminal = new SerialTerminalPeer({ devicePath: `${base}-dev`, peerPath: `${base}-peer` });
  await terminal.start();
  return { backoffice, terminal };
}

async function stopSims(sims: Sims): Promise<void> {
  await sims.backoffice.close();
  await sims.terminal.stop();
}

/** Faults and queued outcomes the visit needs, and only then. */
function arrange(sims: Sims, scenario: Scenario): void {
  const t = sims.terminal.control;
  t.clearQueue();
  if (scenario === 'lost-response') t.queueOutcome({ outcome: 'lose-response' });
  if (scenario === 'decline-then-approve') t.queueOutcome({ outcome: 'decline' });
  sims.backoffice.faults.submissions = scenario === 'backoffice-down' ? 'unavailable' : scenario === 'lose-submission' ? 'lose-response' : 'ok';
}

function reset(sims: Sims): void {
  sims.terminal.control.clearQueue();
  sims.backoffice.faults.submissions = 'ok';
}

type SessionCounts = Omit<Counts, 'trials' | 'crashed' | 'integrityFailures' | 'sessions'>;

/** The invariants for one session, from the journal, the back office and the terminal's ledger. */
function check(sims: { backoffice: BackofficeServer; transactions(): Array<{ reference: string; state: string }> }, db: Database.Database, sessionId: string): SessionCounts {
  const session = db.prepare(`SELECT state FROM sessions WHERE id = ?`).get(sessionId) as { state: string } | undefined;
  const apps = db.prepare(`SELECT id, state FROM applications WHERE session_id = ?`).all(sessionId) as Array<{ id: string; state: string }>;
  const refs = new Set(
    (db.prepare(`SELECT p.reference FROM payments p JOIN applications a ON a.id = p.application_id WHERE a.session_id = ?`).all(sessionId) as Array<{ reference: string }>).map(
      (r) => r.reference,
    ),
  );
  const appIds = new Set(apps.map((a) => a.id));
  // Sales found by the reference alone, as a terminal's ledger holds them (never by the journal only).
  const sales = sims.transactions().filter((t) => refs.has(t.reference) || appIds.has(parsePaymentReference(t.reference)?.applicationId ?? ''));
  const govpays = sims.backoffice.store.govPays().filter((g) => refs.has(g.reference));
  const everCharged = sales.some((s) => s.state === 'approved' || s.state === 'voided') || govpays.some((g) => g.status === 'paid' || g.status === 'refunded');
  const netCharges = sales.filter((s) => s.state === 'approved').length + govpays.filter((g) => g.status === 'paid').length;
  const received = sims.backoffice.store.applications().filter((a) => a.kioskSessionId === sessionId);
  const active = received.filter((a) => a.withdrawal === null);
  const acceptedInJournal = apps.some((a) => a.state === 'accepted');
  // The back office refused it for good (4xx): then its money must be back, and nothing is lost.
  const refusedByDesign = apps.some((a) => a.state === 'rejected');
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
    replays: received.reduce((sum, a) => sum + a.replays, 0),
  };
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

/** Runs `trials` crash-and-recover trials at one point × phase, each a fresh visit on one journal. */
export async function runPoint(point: CrashPoint, index: number, trials: number, workDir: string): Promise<PointResult> {
  const dir = join(workDir, `p${index}`);
  mkdirSync(dir, { recursive: true });
  const journal = join(dir, 'journal.sqlite');
  const sims = await startSims(dir);
  const counts = emptyCounts();
  const failures: string[] = [];
  const common = ['--journal', journal, '--key', KEY, '--backoffice', sims.backoffice.url, '--terminal', sims.terminal.devicePath];
  const env = { TMPDIR: dir };
  // After each restart, every session not checked yet (the previous visits') is checked once.
  const checked = new Set<string>();
  const checkNew = (): void => {
    const db = new Database(journal, { readonly: true, fileMustExist: false });
    try {
      const hasSessions = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'sessions'`).get() !== undefined;
      const ids = hasSessions ? (db.prepare(`SELECT id FROM sessions`).all() as Array<{ id: string }>).map((r) => r.id) : [];
      for (const sessionId of ids) {
        if (checked.has(sessionId)) continue;
        checked.add(sessionId);
        counts.sessions++;
        const found = check({ backoffice: sims.backoffice, transactions: () => sims.terminal.control.transactions() }, db, sessionId);
        for (const [key, value] of Object.entries(found) as Array<[keyof SessionCounts, number]>) {
          counts[key] += value;
          if (value > 0 && key !== 'replays') failures.push(`${point.spec} ${sessionId}: ${key}`);
        }
      }
    } finally {
      db.close();
    }
  };
  try {
    for (let t = 0; t < trials; t++) {
      const scenario = point.scenarios[t % point.scenarios.length]!;
      const run = await runHost([...common, '--await-go', '--scenario', scenario], { ...env, KIOSK_CRASH_AT: point.spec }, () => {
        checkNew();
        arrange(sims, scenario);
      });
      reset(sims);
      counts.trials++;
      if (run.signal === 'SIGKILL') counts.crashed++;
      else failures.push(`${point.spec} t${t} ${scenario}: not killed (code ${run.code}) ${run.stderr.slice(0, 400)}`);
      refusedTransition(`${point.spec} t${t} ${scenario}`, run, failures);
    }
    const recovery = await runHost([...common, '--recover-only'], env);
    if (recovery.code !== 0) failures.push(`${point.spec}: final recovery exited ${recovery.code}: ${recovery.stderr.slice(0, 400)}`);
    refusedTransition(`${point.spec}: final recovery`, recovery, failures);
    checkNew();
    if (!integrityOk(journal)) {
      counts.integrityFailures++;
      failures.push(`${point.spec}: integrity_check failed`);
    }
  } finally {
    await stopSims(sims);
  }
  return { spec: point.spec, counts, failures };
}

/** Recovery after any crash must only ever ask the journal for transitions its tables allow. */
function refusedTransition(name: string, run: Child, failures: string[]): void {
  const at = run.stderr.indexOf('JournalError');
  if (at >= 0) failures.push(`${name}: the journal refused a transition: ${run.stderr.slice(at, at + 300)}`);
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
  // The personal-data scan still runs the scripted orchestrator (its HTTP terminal): what it checks is
  // the journal's files and the logs, not the device path.
  const backoffice = await startBackofficeServer({ govPayAutoPay: true });
  const terminal = await startTerminalService();
  const sims = { backoffice, terminal };
  const journal = join(dir, 'journal.sqlite');
  const common = ['--journal', journal, '--key', KEY, '--backoffice', sims.backoffice.url, '--terminal', sims.terminal.url, '--captures', await writeCaptures()];
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
        () => arrangeScripted(sims, session.scenario),
        SCRIPTED_RUNNER,
      );
      // A scenario that leaves work pending keeps its fault until the end, so the data stays sealed in the journal.
      if (!options.leavePending) {
        sims.terminal.terminal.control.clearQueue();
        sims.backoffice.faults.submissions = 'ok';
      }
      keep(`host-${i}`, child);
    }
    if (!options.leavePending) keep('recovery', await runHost([...common, '--recover-only'], env, undefined, SCRIPTED_RUNNER));
  } finally {
    await sims.backoffice.close();
    await sims.terminal.close();
  }
}

function arrangeScripted(sims: { backoffice: BackofficeServer; terminal: Awaited<ReturnType<typeof startTerminalService>> }, scenario: Scenario): void {
  const t = sims.terminal.terminal.control;
  t.clearQueue();
  if (scenario === 'lost-response') t.queueOutcome({ outcome: 'lose-response' });
  if (scenario === 'decline-then-approve') t.queueOutcome({ outcome: 'decline' });
  sims.backoffice.faults.submissions = scenario === 'backoffice-down' ? 'unavailable' : scenario === 'lose-submission' ? 'lose-response' : 'ok';
}
