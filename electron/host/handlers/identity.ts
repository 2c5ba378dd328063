import { DeviceError } from '../../../devices/errors.js';
import type { DeviceHub } from '../../../devices/hub/device-hub.js';
import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import type { KioskHandlers } from '../bridge/server.js';
import type { PersonRecord } from '../backoffice/wire.js';
import { assertPlacedDuringVisit, readCardWithin } from '../hardware/card-reads.js';
import type { Session } from '../sessions/session.js';
import type { SessionManager } from '../sessions/session-manager.js';
import type { CardCustody } from '../visit/card-custody.js';

/**
 * Reading the resident's own ID card. The wait for a card ends when the renderer cancels, the
 * session ends, or the configured time passes (`timeout`), whichever comes first. A card left on
 * the reader from before the visit is never read for it (`card-not-lifted`): nobody is greeted
 * with the previous resident's name.
 *
 * A card lifted mid-read fails `card-removed`; the screen asks the resident to keep it still and
 * reads again at once. That next read keeps the first one's deadline (not a fresh one), so lifting
 * the card again and again cannot hold the kiosk past the configured time.
 */
export function identityHandlers(
  sessions: SessionManager,
  hub: DeviceHub,
  custody: CardCustody,
  options: { cardReadTimeoutSeconds: number },
  /** The resident's file from the back office; undefined when it cannot be had (the rules then say `person-not-identified`). */
  lookupPerson?: (cardNumber: string, signal: AbortSignal) => Promise<PersonRecord | undefined>,
): Pick<KioskHandlers, 'identity.readCard'> {
  /** The deadline (epoch ms) of a read the card left mid-way, for the session's next read. */
  const carried = new WeakMap<Session, number>();
  return {
    'identity.readCard': async (_params, { signal }) => {
      const session = sessions.require();
      const reader = hub.get('card-reader');
      const now = Date.now();
      const deadline = carried.get(session) ?? now + options.cardReadTimeoutSeconds * 1000;
      carried.delete(session);
      if (deadline <= now) throw new KioskApiError('timeout', 'no ID card read before the deadline of the read the card left');
      const seconds = Math.max(0, Math.round(deadline - now)) / 1000;
      try {
        return await readCardWithin(reader, session, signal, seconds, 'ID card', async (combined) => {
          assertPlacedDuringVisit(session, custody);
          const holder = await reader.readVisibleData(combined);
          // Checked again after the read: the card may have been swapped while it was read.
          assertPlacedDuringVisit(session, custody);
          const placement = custody.placement();
          const person = await lookupPerson?.(holder.cardNumber, combined);
          if (session.ended) return { holder };
          session.setHolder(holder, placement);
          if (person) session.setPerson(person);
          return { holder };
        });
      } catch (error) {
        if (error instanceof DeviceError && error.code === 'card-removed') carried.set(session, deadline);
        throw error;
      }
    },
  };
}
