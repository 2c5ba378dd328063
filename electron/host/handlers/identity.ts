import type { DeviceHub } from '../../../devices/hub/device-hub.js';
import type { KioskHandlers } from '../bridge/server.js';
import type { PersonRecord } from '../backoffice/wire.js';
import { assertPlacedDuringVisit, readCardWithin } from '../hardware/card-reads.js';
import type { SessionManager } from '../sessions/session-manager.js';
import type { CardCustody } from '../visit/card-custody.js';

/**
 * Reading the resident's own ID card. The wait for a card ends when the renderer cancels, the
 * session ends, or the configured time passes (`timeout`), whichever comes first. A card left on
 * the reader from before the visit is never read for it (`card-not-lifted`): nobody is greeted
 * with the previous resident's name.
 */
export function identityHandlers(
  sessions: SessionManager,
  hub: DeviceHub,
  custody: CardCustody,
  options: { cardReadTimeoutSeconds: number },
  /** The resident's file from the back office; undefined when it cannot be had (the rules then say `person-not-identified`). */
  lookupPerson?: (cardNumber: string, signal: AbortSignal) => Promise<PersonRecord | undefined>,
): Pick<KioskHandlers, 'identity.readCard'> {
  return {
    'identity.readCard': async (_params, { signal }) => {
      const session = sessions.require();
      const reader = hub.get('card-reader');
      return readCardWithin(reader, session, signal, options.cardReadTimeoutSeconds, 'ID card', async (combined) => {
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
    },
  };
}
