import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApplicationOrchestrator } from '../../../electron/host/applications/orchestrator.js';
import { Journal } from '../../../electron/host/journal/journal.js';
import { silentLogger } from '../../../electron/host/log.js';
import type { FeeQuote } from '../../../electron/host/service-rules/index.js';
import { sampleCapture } from '../../../simulators/backoffice/sample-capture.js';
import { type ChargePlan, FakeTerminal, inMemoryBackoffice } from './fakes.js';

/**
 * Model-based test of the payment and outbox state machine (fast-check commands): random
 * sequences of applications, payments under time-outs and lost answers, back-office outages and
 * lost answers, replays of a sent application, worker ticks and host restarts (a new orchestrator
 * over the same journal). After every command: never two net charges for one application, never
 * two applications at the back office for one session, and what the journal calls accepted is at
 * the back office. At the end, with everything reachable again: every session final, every
 * charge matched by exactly one application, every application by exactly one charge.
 */
const QUOTE: FeeQuote = { currency: 'MOP', unit: 'avos', lines: [{ code: 'id-card-renewal', quantity: 1, unitAmount: 9000, amount: 9000 }], total: 9000, incomplete: false } as unknown as FeeQuote;
// Complete renewals as the kiosk captures them; the back office refuses an incomplete one for good.
const APPLICANT = await sampleCapture('chan-tai-man', 'renew-permanent');
const REFUSED = await sampleCapture('refused-at-submission', 'renew-permanent');

interface Real {
  journal: Journal;
  terminal: FakeTerminal;
  bo: ReturnType<typeof inMemoryBackoffice>;
  orchestrator: ApplicationOrchestrator;
  sessions: string[];
  apps: Array<{ id: string; sessionId: string; refused: boolean }>;
}
interface Model {
  apps: number;
}

function orchestratorFor(real: Pick<Real, 'journal' | 'terminal' | 'bo'>): ApplicationOrchestrator {
  return new ApplicationOrchestrator({
    journal: real.journal,
    backoffice: real.bo.client,
    gateways: { terminal: real.terminal },
    kioskId: 'MODEL',
    log: silentLogger,
    enquiry: { attempts: 2, delayMs: 0 },
  });
}

function invariants(real: Real): void {
  const received = real.bo.store.applications();
  for (const app of real.apps) {
    expect(real.terminal.netCharges(app.id), `net charges of ${app.id}`).toBeLessThanOrEqual(1);
    const atBo = received.filter((r) => r.applicationId === app.id);
    expect(atBo.length).toBeLessThanOrEqual(1);
    if (real.journal.application(app.id)?.state === 'accepted') expect(atBo).toHaveLength(1);
    // An application the back office holds (and still processes) was paid for, and that payment is never reversed.
    if (atBo.length === 1 && atBo[0]!.withdrawal === null) expect(real.terminal.netCharges(app.id)).toBe(1);
    // Withdrawn (cancelled after payment): once the kiosk says refunded, the money is back.
    if (real.journal.application(app.id)?.state === 'withdrawn' && real.orchestrator.status(app.id).state === 'refunded') {
      expect(real.terminal.netCharges(app.id)).toBe(0);
    }
    // Once cancelling began, the application is never sent (again): what the back office holds is withdrawn or was there before.
    const state = real.journal.application(app.id)?.state;
    if ((state === 'withdrawn' || state === 'withdrawing') && atBo.length === 1 && state === 'withdrawn') expect(atBo[0]!.withdrawal).not.toBeNull();
  }
  for (const session of real.sessions) expect(received.filter((r) => r.kioskSessionId === session).length).toBeLessThanOrEqual(1);
}

class StartCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly refused: boolean) {}
  check = (): boolean => true;
  async run(model: Model, real: Real): Promise<void> {
    const sessionId = `s${real.sessions.length}`;
    real.sessions.push(sessionId);
    real.orchestrator.sessionStarted(sessionId);
    const faults = real.bo.faults.down;
    real.bo.faults.down = false; // creating needs the back office: the unavailable case has its own test
    const sample = this.refused ? REFUSED : APPLICANT;
    const status = await real.orchestrator.create({ sessionId, service: 'renew-permanent', request: sample.request, quote: QUOTE, personal: sample.personal });
    real.bo.faults.down = faults;
    real.apps.push({ id: status.applicationId, sessionId, refused: this.refused });
    model.apps++;
    invariants(real);
  }
  toString = (): string => `start(${this.refused ? 'refused' : 'ok'})`;
}

class PayCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number, readonly plan: ChargePlan, readonly enquiryReachable: boolean) {}
  check = (model: Model): boolean => model.apps > 0;
  async run(_model: Model, real: Real): Promise<void> {
    const app = real.apps[this.index % real.apps.length]!;
    real.terminal.plan = this.plan;
    real.terminal.reachable = this.enquiryReachable;
    try {
      await real.orchestrator.submit(app.id, 'unionpay-quickpass', new AbortController().signal);
    } catch (error) {
      // Refusals that protect the resident are expected: paid already, a payment unsettled, or a closed application.
      expect((error as { code?: string }).code).toMatch(/already-paid|payment-in-progress/);
    }
    real.terminal.reachable = true;
    invariants(real);
  }
  toString = (): string => `pay(${this.index}, ${this.plan}, enquiry ${this.enquiryReachable ? 'ok' : 'unreachable'})`;
}

class BackofficeCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly mode: 'ok' | 'unavailable' | 'lose-response') {}
  check = (): boolean => true;
  async run(_model: Model, real: Real): Promise<void> {
    real.bo.faults.submissions = this.mode;
  }
  toString = (): string => `backoffice(${this.mode})`;
}

class TickCommand implements fc.AsyncCommand<Model, Real> {
  check = (): boolean => true;
  async run(_model: Model, real: Real): Promise<void> {
    await real.orchestrator.retryPending();
    invariants(real);
  }
  toString = (): string => 'tick';
}

class EndSessionCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number) {}
  check = (model: Model): boolean => model.apps > 0;
  async run(_model: Model, real: Real): Promise<void> {
    const app = real.apps[this.index % real.apps.length]!;
    await real.orchestrator.sessionEnded(app.sessionId, 'finished');
    invariants(real);
  }
  toString = (): string => `end(${this.index})`;
}

/** The resident changes their mind, possibly after paying (within the visit, on the receipt screen). */
class CancelCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number, readonly reachable: boolean, readonly afterPayment: boolean) {}
  check = (model: Model): boolean => model.apps > 0;
  async run(_model: Model, real: Real): Promise<void> {
    // Half the cancels go to an application already paid (kept-for-later or submitted), if any.
    const paid = real.apps.filter((a) => ['queued', 'accepted'].includes(real.journal.application(a.id)?.state ?? ''));
    const pool = this.afterPayment && paid.length > 0 ? paid : real.apps;
    const app = pool[this.index % pool.length]!;
    const down = real.bo.faults.down;
    real.bo.faults.down = !this.reachable;
    try {
      const status = await real.orchestrator.cancel(app.id);
      expect(['cancelled', 'refunded', 'refund-pending', 'withdrawal-pending']).toContain(status.state);
      if (this.reachable && status.state === 'refunded') expect(real.terminal.netCharges(app.id)).toBe(0);
    } catch (error) {
      // A payment still unsettled, or an application already refused or final.
      expect((error as { code?: string }).code).toMatch(/already-paid|payment-in-progress/);
    }
    real.bo.faults.down = down;
    invariants(real);
  }
  toString = (): string => `cancel(${this.index}${this.afterPayment ? ', a paid one' : ''}, back office ${this.reachable ? 'ok' : 'down'})`;
}

class RestartCommand implements fc.AsyncCommand<Model, Real> {
  check = (): boolean => true;
  async run(_model: Model, real: Real): Promise<void> {
    real.orchestrator.stop();
    real.orchestrator = orchestratorFor(real);
    await real.orchestrator.recover();
    invariants(real);
  }
  toString = (): string => 'restart';
}

/** The network delivers an already-sent application again: the back office must answer it as a replay. */
class ReplayCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number) {}
  check = (model: Model): boolean => model.apps > 0;
  async run(_model: Model, real: Real): Promise<void> {
    const app = real.apps[this.index % real.apps.length]!;
    const before = real.bo.store.applications().find((a) => a.applicationId === app.id);
    if (!before) return;
    const again = await real.bo.client.submitApplication(app.id, JSON.stringify({ applicationId: app.id, tampered: true }));
    expect(again.ok).toBe(false); // a different body under the same key is refused, never stored
    invariants(real);
  }
  toString = (): string => `replay(${this.index})`;
}

const commands = [
  fc.boolean().map((refused) => new StartCommand(refused)),
  fc.tuple(fc.nat(7), fc.constantFrom<ChargePlan>('approve', 'decline', 'timeout-no-charge', 'lose-response'), fc.boolean()).map(([i, p, r]) => new PayCommand(i, p, r)),
  fc.constantFrom('ok' as const, 'unavailable' as const, 'lose-response' as const).map((m) => new BackofficeCommand(m)),
  fc.constant(new TickCommand()),
  fc.nat(7).map((i) => new EndSessionCommand(i)),
  fc.constant(new RestartCommand()),
  fc.nat(7).map((i) => new ReplayCommand(i)),
  fc.tuple(fc.nat(7), fc.boolean(), fc.boolean()).map(([i, r, p]) => new CancelCommand(i, r, p)),
];

describe('payment and outbox state machine (model-based)', () => {
  it('keeps money and submissions consistent under time-outs, lost answers, outages, replays, restarts and cancels after payment', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 30, size: '+1' }), async (cmds) => {
        const journal = new Journal({ path: ':memory:', key: Buffer.alloc(32, 7) });
        const terminal = new FakeTerminal();
        const bo = inMemoryBackoffice();
        const real: Real = { journal, terminal, bo, orchestrator: orchestratorFor({ journal, terminal, bo }), sessions: [], apps: [] };
        try {
          await fc.asyncModelRun(() => ({ model: { apps: 0 }, real }), cmds);
          // Everything reachable again; the residents have left; the worker runs.
          bo.faults.submissions = 'ok';
          terminal.reachable = true;
          for (const session of real.sessions) await real.orchestrator.sessionEnded(session, 'finished');
          await real.orchestrator.retryPending();
          expect(journal.allSessions().filter((s) => s.state !== 'final')).toEqual([]);
          const received = bo.store.applications();
          for (const app of real.apps) {
            const net = terminal.netCharges(app.id);
            const atBo = received.filter((r) => r.applicationId === app.id && r.withdrawal === null).length;
            expect({ app: app.id, net, atBo }).toEqual({ app: app.id, net: atBo, atBo });
            if (app.refused) expect(atBo).toBe(0);
            const state = journal.application(app.id)?.state;
            if (state === 'withdrawn') expect(real.orchestrator.status(app.id).state).toMatch(/refunded|cancelled/);
            expect(state).not.toBe('withdrawing');
            expect(journal.application(app.id)?.hasPayload).toBe(false);
          }
        } finally {
          real.orchestrator.stop();
          journal.close();
          bo.store.close();
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
