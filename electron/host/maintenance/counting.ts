import type { DeviceHub } from '../../../devices/hub/device-hub.js';
import type { DeviceKind } from '../../../devices/kinds.js';
import type { KioskHandlers } from '../bridge/server.js';
import type { Counters } from './counters.js';

/**
 * Counts what residents did, by wrapping the KioskApi handlers (the handlers themselves stay
 * unaware): a service chosen, a card read, a receipt or slip printed, a sale approved or declined.
 */
export function countUsage(handlers: KioskHandlers, counters: Counters): KioskHandlers {
  const after = <M extends keyof KioskHandlers>(method: M, count: (result: Awaited<ReturnType<KioskHandlers[M]>>) => string | undefined): KioskHandlers[M] => {
    const handler = handlers[method] as (params: unknown, context: unknown) => Promise<Awaited<ReturnType<KioskHandlers[M]>>>;
    return (async (params: unknown, context: unknown) => {
      const result = await handler(params, context);
      const name = count(result);
      if (name) counters.add(name);
      return result;
    }) as KioskHandlers[M];
  };
  return {
    ...handlers,
    'visit.choose': after('visit.choose', (state) => (state.phase === 'steps' || state.phase === 'refused' ? `visits:${state.service}` : undefined)),
    'identity.readCard': after('identity.readCard', () => 'cards-read'),
    'receipts.print': after('receipts.print', () => 'prints'),
    'authenticity.print': after('authenticity.print', () => 'prints'),
    'queue.printTicket': after('queue.printTicket', () => 'prints'),
    'applications.submit': after('applications.submit', (status) =>
      status.payment?.state === 'declined' ? 'declines' : status.payment?.state === 'approved' || status.state === 'submitted' || status.state === 'kept-for-later' ? (status.feeAvos > 0 ? 'sales' : undefined) : undefined,
    ),
  };
}

/**
 * Counts a device's faults: each time it leaves `online`, or its fault changes (paper low, then
 * out). The hub repeats a state while it retries an offline device; a repeat is not a new fault.
 */
export function countFaults(hub: Pick<DeviceHub, 'onHealth'>, counters: Counters): () => void {
  const last = new Map<DeviceKind, string>();
  return hub.onHealth((entry) => {
    // Offline is one fault whatever the hub's retries say about it (unplugged, then closed while reopening).
    const now = entry.state === 'offline' ? 'offline' : `${entry.state}:${entry.detail ?? ''}`;
    const before = last.get(entry.device);
    last.set(entry.device, now);
    if (entry.state !== 'online' && now !== before) counters.add(`faults:${entry.device}`);
  });
}
