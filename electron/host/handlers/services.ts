import type { KioskHandlers } from '../bridge/server.js';
import { ServiceId, type ServiceRules } from '../service-rules/index.js';
import { factsFromSession } from '../sessions/facts-from-session.js';
import type { SessionManager } from '../sessions/session-manager.js';

type ServiceHandlers = Pick<KioskHandlers, 'services.list' | 'services.evaluate' | 'services.quote' | 'services.pickupOptions' | 'services.overview'>;

/** The service rules through KioskApi: the renderer shows these answers and computes none. */
export function serviceHandlers(rules: ServiceRules, sessions: SessionManager, clock: () => Date): ServiceHandlers {
  return {
    'services.list': async () => {
      const now = clock();
      return { services: ServiceId.options.map((id) => ({ id, availability: rules.availability(id, now) })) };
    },
    'services.evaluate': async ({ service, request }) => rules.evaluate(service, factsFromSession(sessions.require(), request), clock()),
    'services.quote': async ({ service, request }) => rules.quote(service, request),
    'services.pickupOptions': async ({ service }) => ({ options: rules.pickupOptions(service, clock()) }),
    'services.overview': async ({ service }) => rules.overview(service, clock()),
  };
}
