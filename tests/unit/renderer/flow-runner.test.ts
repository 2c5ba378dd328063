import { describe, expect, it } from 'vitest';
import { createKioskApi } from '../../../electron/shared/kiosk-api/client.js';
import { createBridgeServer } from '../../../electron/host/bridge/server.js';
import { silentLogger } from '../../../electron/host/log.js';
import { createFlowRunner } from '../../../renderer/flows/flow-runner.js';
import { REVEAL_AFTER_MS } from '../../../renderer/flows/visit-machine.js';
import { useKiosk } from '../../../renderer/state/kiosk-store.js';
import { fakeHandlers } from '../../helpers/fake-handlers.js';
import { createPipePair } from '../../helpers/memory-pipe.js';

/**
 * The runner over the real bridge: a host call belongs to the state that started it, and leaving
 * that state cancels it on the host side (the handler's signal aborts), however the state was left.
 */
function connected() {
  const seen = { aborted: 0 };
  const handlers = fakeHandlers(seen);
  const pipes = createPipePair();
  const server = createBridgeServer({ handlers, log: silentLogger });
  server.connect(pipes.server);
  useKiosk.setState({ api: createKioskApi(pipes.client), screen: { name: 'attract' }, visit: undefined });
  return { seen, handlers, server, runner: createFlowRunner(useKiosk) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the flow runner', () => {
  it('cancels the card read on the host when place-card is left (idle timeout back to attract)', async () => {
    const { seen, runner } = connected();
    const reading = runner.dispatch({ type: 'read-card' });
    await settle();
    expect(useKiosk.getState().screen).toEqual({ name: 'place-card', phase: 'waiting' });
    expect(seen.aborted).toBe(0);
    useKiosk.getState().resetToAttract();
    await reading;
    await settle();
    expect(seen.aborted).toBe(1);
    expect(useKiosk.getState().screen).toEqual({ name: 'attract' });
  });

  it('keeps the card read while the state stays place-card (waiting → reading), and replaces it on a retry', async () => {
    const { seen, runner } = connected();
    void runner.dispatch({ type: 'read-card' });
    await settle();
    await runner.dispatch({ type: 'card-present' });
    await settle();
    expect(useKiosk.getState().screen).toEqual({ name: 'place-card', phase: 'reading' });
    expect(seen.aborted).toBe(0);
    void runner.dispatch({ type: 'read-card' });
    await settle();
    expect(seen.aborted).toBe(1);
    void runner.dispatch({ type: 'end', reason: 'cancelled' });
    await settle();
    expect(seen.aborted).toBe(2);
  });

  it('cancels the sale when the payment leaves paying (stop), and drops its late answer', async () => {
    const { runner, handlers } = connected();
    let cancelled = 0;
    handlers['applications.submit'] = (_params, { signal }) =>
      new Promise((_resolve, reject) => signal.addEventListener('abort', () => (cancelled++, reject(new Error('aborted')))));
    const application = { applicationId: 'A-1', service: 'renew-permanent', feeAvos: 100, state: 'awaiting-payment' } as never;
    useKiosk.setState({
      screen: { name: 'payment', methods: [], counterAllowed: false, application, phase: { state: 'choosing' } },
      visit: { service: 'renew-permanent', holder: undefined, host: undefined, application },
    });
    const paying = runner.dispatch({ type: 'pay', method: 'macau-pass' });
    await settle();
    expect(useKiosk.getState().screen).toMatchObject({ phase: { state: 'paying' } });
    await runner.dispatch({ type: 'stop-payment' });
    await paying;
    await settle();
    expect(cancelled).toBe(1);
    expect(useKiosk.getState().screen).toMatchObject({ name: 'payment', phase: { state: 'failed', error: 'cancelled' } });
  });

  it("follows the application's progress through choosing and paying, and stops when the payment screen is left", async () => {
    const { runner, handlers, server } = connected();
    handlers['applications.submit'] = (_params, { signal }) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    const status = (state: 'awaiting-payment' | 'payment-unconfirmed') =>
      ({ applicationId: 'A-1', service: 'renew-permanent', feeAvos: 100, state, payment: null, govPay: null, confirmation: null, receipt: null }) as const;
    const paymentStep = { kind: 'payment', methods: ['macau-pass'], counterAllowed: false };
    useKiosk.setState({ screen: { name: 'evaluating', holder: undefined as never }, visit: { service: 'renew-permanent', holder: undefined, host: { current: paymentStep } as never } });
    await runner.dispatch({ type: 'application-started', then: 'pay', answer: { ok: true, value: status('awaiting-payment') } });
    void runner.dispatch({ type: 'pay', method: 'macau-pass' });
    await settle();
    server.emit('applications.changed', status('payment-unconfirmed'));
    await settle();
    expect(useKiosk.getState().screen).toMatchObject({ name: 'payment', phase: { state: 'paying' }, application: { state: 'payment-unconfirmed' } });
    useKiosk.getState().resetToAttract();
    server.emit('applications.changed', status('awaiting-payment'));
    await settle();
    expect(useKiosk.getState().screen).toEqual({ name: 'attract' });
  });

  /** Every screen the store shows while `action` runs, by name (the overview's with whether it has the host's answer). */
  async function screensDuring(action: () => Promise<void>): Promise<string[]> {
    const shown: string[] = [];
    const stop = useKiosk.subscribe((state, previous) => {
      if (state.screen === previous.screen) return;
      const screen = state.screen;
      shown.push(screen.name === 'overview' ? `overview:${screen.overview === undefined ? 'loading' : 'answered'}` : screen.name);
    });
    await action();
    await settle();
    stop();
    return shown;
  }

  it("renders the menu's next screen once: the overview with the host's answer, never its loading state first", async () => {
    const { runner, handlers } = connected();
    handlers['services.overview'] = async ({ service }) => ({ service, steps: [{ kind: 'read-card', ifNeeded: false }], minutes: 4, fee: { kind: 'fixed', avos: 9000 }, bring: ['own-card'] });
    useKiosk.setState({ screen: { name: 'menu', services: [] } });
    // The menu (its state the overview's) until the answer, then the answered overview; the reveal timer changes nothing after it.
    expect(await screensDuring(() => runner.dispatch({ type: 'choose', service: 'renew-permanent' }))).toEqual(['menu', 'overview:answered']);
  });

  it('shows the loading overview when the host takes longer than REVEAL_AFTER_MS, and the answer after it', async () => {
    const { runner, handlers } = connected();
    handlers['services.overview'] = async ({ service }) => {
      await new Promise((resolve) => setTimeout(resolve, REVEAL_AFTER_MS + 200));
      return { service, steps: [{ kind: 'read-card', ifNeeded: false }], minutes: 4, fee: { kind: 'fixed', avos: 9000 }, bring: ['own-card'] };
    };
    useKiosk.setState({ screen: { name: 'menu', services: [] } });
    expect(await screensDuring(() => runner.dispatch({ type: 'choose', service: 'renew-permanent' }))).toEqual(['menu', 'overview:loading', 'overview:answered']);
  });

  it("renders the greeting's next screen once: the host's answer straight from the greeting, no evaluating screen between", async () => {
    const { runner } = connected(); // the fake host refuses visit.complete (no session): the greeting says why
    const holder = { cardNumber: '1069042(5)', nameZh: '林美玲', nameLatin: 'LAM MEI LENG' } as never;
    useKiosk.setState({ screen: { name: 'greeting', holder, service: 'renew-permanent' }, visit: { service: 'renew-permanent', holder, host: undefined } });
    expect(await screensDuring(() => runner.dispatch({ type: 'continue-identified', service: 'renew-permanent', holder }))).toEqual(['greeting', 'greeting']);
    expect(useKiosk.getState().screen).toEqual({ name: 'greeting', holder, service: 'renew-permanent', error: 'no-session' });
  });
});

