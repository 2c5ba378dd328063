import type { DeviceHub } from '../../../devices/hub/device-hub.js';
import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import type { KioskHandlers } from '../bridge/server.js';
import { readNextCard, withCardDeadline } from '../hardware/card-reads.js';
import type { SessionManager } from '../sessions/session-manager.js';
import type { CardCustody } from '../visit/card-custody.js';

/**
 * A minor's accompanying adult [000]: their card must be on the minor's file (father, mother or
 * guardian, by card number) and the file must say they hold a Macau ID card. The minor's card is
 * asked off the reader first (the wait starts when it is lifted), so the step never opens by reading
 * the minor's card again. The session keeps the adult (unverified until their finger matches) and
 * wipes them with the visit.
 */
export function guardianHandlers(
  sessions: SessionManager,
  hub: DeviceHub,
  custody: CardCustody,
  options: { cardReadTimeoutSeconds: number },
): Pick<KioskHandlers, 'guardian.readCard'> {
  return {
    'guardian.readCard': async (_params, { signal }) => {
      const session = sessions.require();
      const minor = session.holder;
      if (!minor) throw new KioskApiError('step-not-done', "the minor's own card has not been read", 'read-card');
      const reader = hub.get('card-reader');
      const { visible: card } = await withCardDeadline(session, signal, options.cardReadTimeoutSeconds, "guardian's card", (combined) =>
        readNextCard(reader, custody, session.holderPlacement, combined),
      );
      if (card.cardNumber === minor.cardNumber) return { outcome: 'own-card' };
      const onFile = session.person?.guardians.find((guardian) => guardian.cardNumber === card.cardNumber);
      if (!onFile) return { outcome: 'not-on-file' };
      if (!onFile.holdsMacauIdCard) return { outcome: 'no-macau-id' };
      session.setGuardian({ relation: onFile.relation, cardNumber: card.cardNumber, holdsMacauIdCard: true, verified: false });
      return { outcome: 'found', relation: onFile.relation };
    },
  };
}
