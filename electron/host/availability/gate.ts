import type { KioskHandlers } from '../bridge/server.js';
import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import type { ServiceAvailability } from './monitor.js';

/**
 * The host's side of availability: whatever the screen shows, a visit does not start while nothing
 * can be offered, and a service whose devices do not work cannot be chosen (`service-unavailable`),
 * so no renderer (or anything else holding the token) can lead a resident into it. No visit starts
 * either while a technician is in (or entering) maintenance mode. A payment method that cannot be
 * used now is refused (`payment-method-unavailable`) before a sale starts.
 */
export function refuseUnavailableServices(
  handlers: KioskHandlers,
  availability: ServiceAvailability,
  maintenance: { busy(): boolean },
): KioskHandlers {
  const start = handlers['session.start'];
  const choose = handlers['visit.choose'];
  const submit = handlers['applications.submit'];
  return {
    ...handlers,
    'session.start': async (params, context) => {
      // A technician is entering or in maintenance mode: the kiosk serves no resident meanwhile.
      if (maintenance.busy()) throw new KioskApiError('service-unavailable', 'the kiosk is in maintenance mode', 'maintenance');
      availability.requireInService();
      return start(params, context);
    },
    'visit.choose': async (params, context) => {
      availability.require(params.service);
      return choose(params, context);
    },
    'applications.submit': async (params, context) => {
      // A method whose device or gateway is down is refused before anything reaches it (the screen greys it out too).
      if (params.payment !== undefined) availability.requirePaymentMethod(params.payment);
      return submit(params, context);
    },
  };
}
