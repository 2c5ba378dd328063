import type { StoreApi } from 'zustand';
import type { KioskApi } from '../../electron/shared/kiosk-api/client.js';
import { type KioskState, useKiosk } from '../state/kiosk-store.js';
import { type Effect, type FlowEvent, isWithin, ownerOf, stateKey, transition } from './visit-machine.js';

/**
 * Runs the visit machine (visit-machine.ts) against the store and the host: applies each
 * transition, then starts its host calls. Every call belongs to the state that started it and is
 * cancelled (its `AbortSignal` aborted, its listener removed, its answer dropped) as soon as the
 * store's screen leaves that state, however it left: a transition, an idle timeout, a card lifted.
 * A new call of a kind replaces a running one of the same kind.
 */
export interface FlowRunner {
  /** Resolves once the transition and every host call it started (and what those led to) are settled. */
  dispatch(event: FlowEvent): Promise<void>;
}

const LISTENING = Symbol('listening');

interface Running {
  kind: Effect['kind'];
  /** The state the call belongs to; undefined for detached calls. */
  owner: string | undefined;
  controller: AbortController;
}

export function createFlowRunner(store: StoreApi<KioskState>): FlowRunner {
  const running = new Set<Running>();

  const stop = (call: Running): void => {
    running.delete(call);
    call.controller.abort();
  };

  store.subscribe((state, previous) => {
    if (state.screen === previous.screen) return;
    const key = stateKey(state.screen);
    for (const call of [...running]) if (call.owner !== undefined && !isWithin(key, call.owner)) stop(call);
  });

  async function dispatch(event: FlowEvent): Promise<void> {
    const { screen, visit, availability } = store.getState();
    const next = transition({ screen, visit, availability }, event);
    const patch: Partial<KioskState> = {};
    if (next.screen) patch.screen = next.screen;
    if ('visit' in next) patch.visit = next.visit;
    if (Object.keys(patch).length > 0) store.setState(patch);
    const entered = store.getState().screen;
    await Promise.all(next.effects.map((effect) => run(effect, ownerOf(effect, entered))));
  }

  async function run(effect: Effect, owner: string): Promise<void> {
    if (effect.kind === 'session.end') {
      // Back to attract in the default language at once; the host then asks for a card left on the reader.
      store.getState().resetToAttract();
    }
    const api = store.getState().api;
    if (!api) return;
    if (effect.kind === 'unwatch-application') {
      for (const call of [...running]) if (call.kind === 'watch-application') stop(call);
      return;
    }
    for (const call of [...running]) if (call.kind === effect.kind) stop(call);
    const call: Running = { kind: effect.kind, owner: 'detached' in effect ? undefined : owner, controller: new AbortController() };
    running.add(call);
    const { signal } = call.controller;
    const answer = await perform(api, effect, signal);
    // A listener stays registered until its state is left (or it is replaced).
    if (signal.aborted || answer === LISTENING) return;
    running.delete(call);
    if (answer) await dispatch(answer);
  }

  /** Calls the host for one effect; resolves the event its answer makes, LISTENING for a listener, undefined for fire-and-forget calls. */
  async function perform(api: KioskApi, effect: Effect, signal: AbortSignal): Promise<FlowEvent | typeof LISTENING | undefined> {
    const options = { signal };
    switch (effect.kind) {
      case 'reveal':
        return new Promise((resolve) => {
          const timer = setTimeout(() => resolve({ type: 'reveal' }), effect.ms);
          signal.addEventListener('abort', () => (clearTimeout(timer), resolve(undefined)), { once: true });
        });
      case 'services.overview':
        return { type: 'overview-loaded', service: effect.service, answer: await api.services.overview({ service: effect.service }, options) };
      case 'visit.choose':
        return { type: 'chosen', service: effect.service, holder: effect.holder, answer: await api.visit.choose({ service: effect.service }, options) };
      case 'visit.complete':
        return {
          type: 'completed',
          origin: effect.origin,
          answer: await api.visit.complete({ step: effect.step, ...(effect.choices ? { choices: effect.choices } : {}) }, options),
        };
      case 'visit.back':
        // The host's new state is shown like any completed step's: the step gone back to.
        return { type: 'completed', origin: 'step', answer: await api.visit.back({}, options) };
      case 'identity.readCard': {
        const off = api.on('card.presence', ({ present }) => {
          if (present && !signal.aborted) void dispatch({ type: 'card-present' });
        });
        const answer = await api.identity.readCard({}, options);
        off();
        return { type: 'card-read', answer };
      }
      case 'await-lift':
        return new Promise((resolve) => {
          const off = api.on('card.presence', ({ present }) => {
            if (present) return;
            off();
            resolve({ type: 'card-lifted' });
          });
          signal.addEventListener('abort', () => (off(), resolve(undefined)), { once: true });
        });
      case 'applications.start':
        return { type: 'application-started', then: effect.then, answer: await api.applications.start({ service: effect.service }, options) };
      case 'applications.submit':
        return { type: 'submitted', answer: await api.applications.submit({ applicationId: effect.applicationId }, options) };
      case 'applications.pay':
        return { type: 'paid', answer: await api.applications.submit({ applicationId: effect.applicationId, payment: effect.method }, options) };
      case 'payment.atCounter':
        return { type: 'paid', answer: await api.payment.atCounter({ applicationId: effect.applicationId }, options) };
      case 'watch-application': {
        const off = api.on('applications.changed', (status) => void dispatch({ type: 'application-changed', status }));
        signal.addEventListener('abort', off, { once: true });
        return LISTENING;
      }
      case 'receipts.print':
        return { type: 'printed', answer: await api.receipts.print({ applicationId: effect.applicationId }, options) };
      case 'cancel-unpaid':
        if (effect.applicationId) await api.applications.cancel({ applicationId: effect.applicationId });
        return { type: 'end', reason: 'cancelled' };
      case 'applications.withdraw':
        return { type: 'withdrawn', answer: await api.applications.cancel({ applicationId: effect.applicationId }, options) };
      case 'session.end':
        await api.session.end({ reason: effect.reason });
        return undefined;
      case 'unwatch-application':
        return undefined;
    }
  }

  return { dispatch };
}

/** The renderer's one runner, over the kiosk store. */
export const flow = createFlowRunner(useKiosk);
