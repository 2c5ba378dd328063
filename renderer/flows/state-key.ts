import type { Screen } from '../state/kiosk-store.js';

/**
 * The visit machine's state names (visit-machine.ts), which host calls belong to: flow-runner.ts
 * cancels a call once the store's screen is in a state neither its owner nor inside it.
 */

/**
 * The machine's state name: the screen, with its phase where a host call belongs to one phase only.
 * An effect started in state `a.b` is cancelled once the state is neither `a.b` nor inside it.
 */
export function stateKey(screen: Screen): string {
  switch (screen.name) {
    case 'payment':
      return `payment.${screen.phase.state}`;
    case 'place-card':
      return screen.phase === 'lift' || screen.phase === 'failed' ? `place-card.${screen.phase}` : 'place-card';
    case 'step':
      return `step.${screen.step.kind}`;
    // A tap the host has not answered yet: the machine is in the next state, its screen not shown yet.
    case 'menu':
      return screen.opening ? 'overview' : 'menu';
    case 'greeting':
      return screen.continuing ? 'evaluating' : 'greeting';
    default:
      return screen.name;
  }
}

/**
 * The state a host call started in `screen` belongs to: its phase, except for listeners that serve
 * the whole screen (the payment's progress is followed while choosing, paying and after a failure).
 */
export function ownerOf(effect: { readonly kind: string }, screen: Screen): string {
  return effect.kind === 'watch-application' ? screen.name : stateKey(screen);
}

/** Whether state `key` is `owner` or inside it (`payment.paying` is inside `payment`). */
export function isWithin(key: string, owner: string): boolean {
  return key === owner || key.startsWith(`${owner}.`);
}
