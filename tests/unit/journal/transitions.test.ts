import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { JournalError } from '../../../electron/host/journal/errors.js';
import { Journal } from '../../../electron/host/journal/journal.js';
import { FINAL_APPLICATION_STATES, FINAL_PAYMENT_STATES } from '../../../electron/shared/kiosk-api/schemas/journal-states.js';
import { type Entity, EVENTS, NEW, STATES, TRANSITIONS } from '../../../electron/host/journal/transitions.js';

const KEY = Buffer.alloc(32, 5);
const dir = mkdtempSync(join(tmpdir(), 'kiosk-transitions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FINAL: { [E in Entity]: ReadonlySet<string> } = {
  session: new Set(['final']),
  application: FINAL_APPLICATION_STATES,
  payment: FINAL_PAYMENT_STATES,
};

const edgesOf = (entity: Entity, from: string): Array<[string, string]> =>
  Object.entries((TRANSITIONS[entity] as Record<string, Record<string, string>>)[from] ?? {});

describe('the transition tables', () => {
  for (const entity of ['session', 'application', 'payment'] as const) {
    it(`${entity}: every state is a key, every edge leads to a known state by a known event, all reachable from new`, () => {
      const states = new Set<string>(STATES[entity]);
      const events = new Set<string>(EVENTS[entity]);
      expect(new Set(Object.keys(TRANSITIONS[entity]))).toEqual(new Set([NEW, ...states]));
      const used = new Set<string>();
      for (const from of [NEW, ...states]) {
        for (const [event, to] of edgesOf(entity, from)) {
          expect(events.has(event), `${entity} ${from} --${event}-->`).toBe(true);
          expect(states.has(to), `${entity} ${from} --${event}--> ${to}`).toBe(true);
          used.add(event);
        }
      }
      expect(used, `${entity}: every event is an edge somewhere`).toEqual(events);
      // Walk the table from `new`: every state is reachable.
      const seen = new Set<string>([NEW]);
      const queue = [NEW as string];
      while (queue.length > 0) {
        for (const [, to] of edgesOf(entity, queue.shift()!)) {
          if (!seen.has(to)) queue.push(to);
          seen.add(to);
        }
      }
      expect(seen).toEqual(new Set([NEW, ...states]));
      // A state with nowhere to go is final; a state that is not final has somewhere to go.
      for (const state of states) {
        if (edgesOf(entity, state).length === 0) expect(FINAL[entity].has(state), `${entity} ${state} is a dead end`).toBe(true);
        if (!FINAL[entity].has(state)) expect(edgesOf(entity, state).length, `${entity} ${state}`).toBeGreaterThan(0);
      }
      // Only `new` creates a row.
      for (const state of states) for (const [event] of edgesOf(entity, state)) expect(edgesOf(entity, NEW).map(([e]) => e)).not.toContain(event);
    });
  }
});

// ---- the real journal, driven into every state, asked every change ---------------------------------

type Fixture = { journal: Journal; path: string };

/** In memory (fast); on file when a second connection must reach it. */
function fresh(onFile = false): Fixture {
  const path = onFile ? join(dir, `${Math.random().toString(36).slice(2)}.sqlite`) : ':memory:';
  return { journal: new Journal({ path, key: KEY }), path };
}

/** Public-API paths into each state (session s1, application a1, payment a1-1). */
const SESSION_SETUP: Record<string, (j: Journal) => void> = {
  new: () => {},
  open: (j) => j.startSession('s1'),
  ended: (j) => (j.startSession('s1'), j.endSession('s1', 'finished')),
  final: (j) => (j.startSession('s1'), j.endSession('s1', 'finished'), j.finalizeSession('s1', 'no-application')),
};

const draft = (j: Journal): void => {
  j.startSession('s1');
  j.createApplication({ id: 'a1', sessionId: 's1', service: 'renew-permanent', feeAvos: 9000, payload: Buffer.from('x') });
};
const queued = (j: Journal): void => (draft(j), j.queueFreeApplication('a1'));
const withdrawing = (j: Journal): void => (queued(j), j.markWithdrawing('a1'));
const APPLICATION_SETUP: Record<string, (j: Journal) => void> = {
  new: (j) => j.startSession('s1'),
  draft,
  queued,
  accepted: (j) => (queued(j), j.markSubmissionSending('a1'), j.recordSubmissionAccepted('a1', 'R0000000001', '2026-11-23T02:00:00.000Z')),
  rejected: (j) => (queued(j), j.recordSubmissionFailed('a1', 'card-reported-lost', true)),
  abandoned: (j) => (draft(j), j.abandonApplication('a1', 'cancelled-by-resident')),
  withdrawing,
  withdrawn: (j) => (withdrawing(j), j.recordWithdrawn('a1', 'never-received')),
  'counter-queued': (j) => (draft(j), j.queueForCounterPayment('a1')),
  'awaiting-counter-payment': (j) => (draft(j), j.queueForCounterPayment('a1'), j.markSubmissionSending('a1'), j.recordSubmissionAccepted('a1', 'R0000000001', '2026-11-23T02:00:00.000Z')),
};

const intent = (j: Journal): void => (draft(j), j.addPaymentIntent({ reference: 'a1-1', applicationId: 'a1', method: 'terminal', tender: 'macau-pass', amountAvos: 9000 }));
const sent = (j: Journal): void => (intent(j), j.markPaymentSent('a1-1'));
const approved = (j: Journal): void => (sent(j), j.recordPaymentResult('a1-1', { state: 'approved', authCode: 'A1' }));
const reversalPending = (j: Journal): void => (approved(j), j.markReversalPending('a1-1', 'card-reported-lost'));
const PAYMENT_SETUP: Record<string, (j: Journal) => void> = {
  new: draft,
  intent,
  sent,
  approved,
  declined: (j) => (sent(j), j.recordPaymentResult('a1-1', { state: 'declined', reason: 'insufficient-funds' })),
  unknown: (j) => (sent(j), j.recordPaymentResult('a1-1', { state: 'unknown', reason: 'timed-out' })),
  'not-sent': (j) => (intent(j), j.recordPaymentResult('a1-1', { state: 'not-sent', reason: 'interrupted-before-send' })),
  done: (j) => (approved(j), j.markSubmissionSending('a1'), j.recordSubmissionAccepted('a1', 'R0000000001', '2026-11-23T02:00:00.000Z')),
  'reversal-pending': reversalPending,
  reversed: (j) => (reversalPending(j), j.recordReversed('a1-1', 'voided')),
};

/** Each public method that changes a state, with the event it asks for. */
const SESSION_OPS: Array<[string, (j: Journal) => void]> = [
  ['started', (j) => j.startSession('s1')],
  ['ended', (j) => j.endSession('s1', 'finished')],
  ['final', (j) => j.finalizeSession('s1', 'completed')],
];
const APPLICATION_OPS: Array<[string, (j: Journal) => void]> = [
  ['draft', (j) => j.createApplication({ id: 'a1', sessionId: 's1', service: 'renew-permanent', feeAvos: 0, payload: Buffer.from('y') })],
  ['queued', (j) => j.queueFreeApplication('a1')],
  ['sending', (j) => j.markSubmissionSending('a1')],
  ['send-failed', (j) => j.recordSubmissionFailed('a1', 'unavailable', false)],
  ['accepted', (j) => j.recordSubmissionAccepted('a1', 'R0000000002', '2026-11-23T02:00:00.000Z')],
  ['rejected', (j) => j.recordSubmissionFailed('a1', 'card-reported-lost', true)],
  ['abandoned', (j) => j.abandonApplication('a1', 'session-ended-before-payment')],
  ['withdrawing', (j) => j.markWithdrawing('a1')],
  ['withdrawn', (j) => j.recordWithdrawn('a1', 'withdrawn')],
  ['counter-chosen', (j) => j.queueForCounterPayment('a1')],
];
const PAYMENT_OPS: Array<[string, (j: Journal) => void]> = [
  ['intent', (j) => j.addPaymentIntent({ reference: 'a1-1', applicationId: 'a1', method: 'terminal', tender: 'macau-pass', amountAvos: 9000 })],
  ['sent', (j) => j.markPaymentSent('a1-1')],
  ['approved', (j) => j.recordPaymentResult('a1-1', { state: 'approved', authCode: 'A2' })],
  ['declined', (j) => j.recordEnquiry('a1-1', { state: 'declined', reason: 'not-found' })],
  ['unknown', (j) => j.recordEnquiry('a1-1', { state: 'unknown', reason: 'pending' })],
  ['not-sent', (j) => j.recordPaymentResult('a1-1', { state: 'not-sent', reason: 'interrupted-before-send' })],
  // `done` has no method of its own: it is the payment's half of recordSubmissionAccepted (tested below).
  ['reversal-pending', (j) => j.markReversalPending('a1-1', 'withdrawn')],
  ['reversed', (j) => j.recordReversed('a1-1', 'voided')],
];

const WALK = {
  session: { setup: SESSION_SETUP, ops: SESSION_OPS, state: (j: Journal) => phaseOf(j) },
  application: { setup: APPLICATION_SETUP, ops: APPLICATION_OPS, state: (j: Journal) => j.application('a1')?.state ?? NEW },
  payment: { setup: PAYMENT_SETUP, ops: PAYMENT_OPS, state: (j: Journal) => j.payment('a1-1')?.state ?? NEW },
} as const;

function phaseOf(j: Journal): string {
  const s = j.session('s1');
  return !s ? NEW : s.state === 'final' ? 'final' : s.endedReason === null ? 'open' : 'ended';
}

function snapshot(j: Journal): unknown {
  return { session: j.session('s1'), application: j.application('a1'), payment: j.payment('a1-1'), trail: j.transitionsOf('s1') };
}

describe('the journal follows its tables', () => {
  for (const entity of ['session', 'application', 'payment'] as const) {
    it(`${entity}: every change from every state either follows the table or throws and changes nothing`, () => {
      const walk = WALK[entity];
      let legal = 0;
      let refused = 0;
      for (const from of [NEW, ...STATES[entity]]) {
        for (const [event, run] of walk.ops) {
          const { journal } = fresh();
          try {
            walk.setup[from]!(journal);
            expect(walk.state(journal), `setup of ${from}`).toBe(from);
            const to = edgesOf(entity, from).find(([e]) => e === event)?.[1];
            const before = snapshot(journal);
            const trailLength = journal.transitionsOf('s1').length;
            if (to !== undefined) {
              run(journal);
              expect(walk.state(journal), `${entity} ${from} --${event}-->`).toBe(to);
              expect(journal.transitionsOf('s1').slice(trailLength).map((t) => t.kind)).toContain(event);
              legal++;
            } else if (entity === 'session' && event === 'ended' && (from === 'ended' || from === 'final')) {
              // The one explicit guard: a visit ends once; ending it again writes nothing at all.
              run(journal);
              expect(snapshot(journal)).toEqual(before);
            } else {
              let thrown: unknown;
              try {
                run(journal);
              } catch (error) {
                thrown = error;
              }
              expect(thrown, `${entity} ${from} --${event}--> must throw`).toBeInstanceOf(JournalError);
              expect((thrown as JournalError).code).toBe(from === NEW ? 'not-found' : 'illegal-transition');
              expect(snapshot(journal), `${entity} ${from} --${event}--> changed nothing`).toEqual(before);
              refused++;
            }
          } finally {
            journal.close();
          }
        }
      }
      expect(legal).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    });
  }
});

describe('an illegal transition throws and writes no audit row', () => {
  function refusedWithoutTrace(setup: (j: Journal) => void, illegal: (j: Journal) => void, match: RegExp): void {
    const { journal } = fresh();
    setup(journal);
    const before = snapshot(journal);
    expect(() => illegal(journal)).toThrow(match);
    expect(snapshot(journal)).toEqual(before);
    journal.close();
  }

  it('a session cannot become final while the resident is still there', () => {
    refusedWithoutTrace(SESSION_SETUP.open!, (j) => j.finalizeSession('s1', 'completed'), /session s1 is open: final is not allowed/);
  });

  it('an application already accepted cannot be abandoned, and a queued one not withdrawn without withdrawing', () => {
    refusedWithoutTrace(APPLICATION_SETUP.accepted!, (j) => j.abandonApplication('a1', 'cancelled-by-resident'), /application a1 is accepted: abandoned is not allowed/);
    refusedWithoutTrace(APPLICATION_SETUP.queued!, (j) => j.recordWithdrawn('a1', 'withdrawn'), /application a1 is queued: withdrawn is not allowed/);
  });

  it('a declined payment cannot be approved later, and an approved one not charged as sent again', () => {
    refusedWithoutTrace(PAYMENT_SETUP.declined!, (j) => j.recordEnquiry('a1-1', { state: 'approved', authCode: 'A9' }), /payment a1-1 is declined: approved is not allowed/);
    refusedWithoutTrace(PAYMENT_SETUP.approved!, (j) => j.markPaymentSent('a1-1'), /payment a1-1 is approved: sent is not allowed/);
  });

  it('an approval for an application past its draft records the money, never moves the application again', () => {
    const { journal } = fresh();
    queued(journal);
    journal.addPaymentIntent({ reference: 'a1-1', applicationId: 'a1', method: 'terminal', tender: 'macau-pass', amountAvos: 9000 });
    journal.markPaymentSent('a1-1');
    const queuedAt = journal.application('a1')?.queuedAt;
    journal.recordPaymentResult('a1-1', { state: 'approved', authCode: 'A1' });
    expect(journal.payment('a1-1')?.state).toBe('approved');
    expect(journal.application('a1')).toMatchObject({ state: 'queued', queuedAt });
    expect(journal.transitionsOf('s1').filter((t) => t.kind === 'queued')).toHaveLength(1);
    journal.close();
  });
});

describe('exactly one row, or nothing', () => {
  /** Another connection makes SQLite skip every update of a table, as a damaged journal or a stray trigger would. */
  function freeze(path: string, table: 'payments' | 'applications'): void {
    const db = new Database(path);
    db.exec(`CREATE TRIGGER freeze_${table} BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(IGNORE); END`);
    db.close();
  }

  it('an update that changed no row throws row-not-changed and leaves no audit row', () => {
    const { journal, path } = fresh(true);
    intent(journal);
    freeze(path, 'payments');
    const before = snapshot(journal);
    let thrown: unknown;
    try {
      journal.markPaymentSent('a1-1');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(JournalError);
    expect((thrown as JournalError).code).toBe('row-not-changed');
    expect((thrown as JournalError).message).toMatch(/payment a1-1: sent changed 0 rows, not 1/);
    expect(snapshot(journal)).toEqual(before);
    journal.close();
  });

  it('rolls back the whole step: an acceptance whose payment cannot become done leaves the application queued', () => {
    const { journal, path } = fresh(true);
    approved(journal);
    journal.markSubmissionSending('a1');
    freeze(path, 'payments');
    const before = snapshot(journal);
    expect(() => journal.recordSubmissionAccepted('a1', 'R0000000001', '2026-11-23T02:00:00.000Z')).toThrow(/payment a1-1: done changed 0 rows/);
    expect(snapshot(journal)).toEqual(before);
    expect(journal.payload('a1')?.toString()).toBe('x'); // personal data kept: the back office's answer is not recorded yet
    journal.close();
  });
});
