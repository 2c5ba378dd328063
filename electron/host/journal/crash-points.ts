/**
 * Crash injection for the crash-point test (tests/integration/crash, tests/soak). When, and only
 * when, the environment variable `KIOSK_CRASH_AT=<point>:<phase>[:<n>]` is set (e.g.
 * `payment.sent:after:1`), the journal kills its own process with SIGKILL at the n-th time (default
 * 1st) it reaches that point, `before` or `after` the write commits. Nothing in the configuration
 * file can set it, and the runner arms it explicitly (`arm()`), so a kiosk in service never has it.
 */
export const JOURNAL_POINTS = [
  'session.start',
  'application.draft',
  'payment.intent',
  'payment.sent',
  'payment.result',
  'payment.enquired',
  'submission.sending',
  'submission.accepted',
  'submission.failed',
  'reversal.pending',
  'reversal.done',
  'application.abandoned',
  'withdrawal.pending',
  'withdrawal.done',
  'session.end',
  'session.final',
] as const;
export type JournalPoint = (typeof JOURNAL_POINTS)[number];
export type CrashPhase = 'before' | 'after';

export interface CrashSpec {
  point: JournalPoint;
  phase: CrashPhase;
  occurrence: number;
}

export function parseCrashSpec(text: string | undefined): CrashSpec | undefined {
  if (text === undefined || text === '') return undefined;
  const [point, phase, n] = text.split(':');
  if (!(JOURNAL_POINTS as readonly string[]).includes(point ?? '') || (phase !== 'before' && phase !== 'after')) {
    throw new Error(`KIOSK_CRASH_AT: expected <point>:<before|after>[:<n>], got ${text}`);
  }
  const occurrence = n === undefined ? 1 : Number(n);
  if (!Number.isInteger(occurrence) || occurrence < 1) throw new Error(`KIOSK_CRASH_AT: bad occurrence in ${text}`);
  return { point: point as JournalPoint, phase, occurrence };
}

export interface CrashHook {
  (point: JournalPoint, phase: CrashPhase): void;
}

export const noCrash: CrashHook = () => {};

/** A hook that SIGKILLs this process at the spec's point once armed; counts only armed passes. */
export function crashHookFromSpec(spec: CrashSpec | undefined): { hook: CrashHook; arm(): void } {
  let armed = false;
  let seen = 0;
  return {
    arm: () => {
      armed = true;
    },
    hook: (point, phase) => {
      if (!spec || !armed || point !== spec.point || phase !== spec.phase) return;
      seen++;
      // SIGKILL, not exit(): no handler, no flush, no finally block runs, like a power cut of the process.
      if (seen === spec.occurrence) process.kill(process.pid, 'SIGKILL');
    },
  };
}
