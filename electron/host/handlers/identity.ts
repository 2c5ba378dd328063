import type { DeviceHub } from '../../../devices/hub/device-hub.js';
import { KioskApiError } from '../bridge/errors.js';
import type { KioskHandlers } from '../bridge/server.js';
import type { PersonRecord } from '../backoffice/wire.js';
import type { SessionManager } from '../sessions/session-manager.js';

/**
 * Reading the resident's own ID card. The wait for a card ends when the renderer cancels, the
 * session ends, or the configured time passes (`timeout`), whichever comes first.
 */
export function identityHandlers(
  sessions: SessionManager,
  hub: DeviceHub,
  options: { cardReadTimeoutSeconds: number },
  /** The resident's file from the back office; undefined when it cannot be had (the rules then say `person-not-identified`). */
  lookupPerson?: (cardNumber: string, signal: AbortSignal) => Promise<PersonRecord | undefined>,
): Pick<KioskHandlers, 'identity.readCard'> {
  return {
    'identity.readCard': async (_params, { signal }) => {
      const session = sessions.require();
      const deadline = AbortSignal.timeout(options.cardReadTimeoutSeconds * 1000);
      const combined = AbortSignal.any([signal, session.signal, deadline]);
      const reader = hub.get('card-reader');
      try {
        await reader.waitForCard(combined);
        const holder = await reader.readVisibleData(combined);
        if (session.ended) throw new KioskApiError('session-expired', 'the session ended during the read');
        session.setHolder(holder);
        const person = await lookupPerson?.(holder.cardNumber, combined);
        if (person && !session.ended) session.setPerson(person);
        return { holder };
      } catch (error) {
        if (deadline.aborted && !signal.aborted) {
          throw new KioskApiError('timeout', `no ID card within ${options.cardReadTimeoutSeconds} s`);
        }
        if (session.ended) throw new KioskApiError('session-expired', 'the session ended during the read');
        throw error;
      }
    },
  };
}
