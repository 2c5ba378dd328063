import type { DeviceHub } from '../../../devices/hub/device-hub.js';
import { KioskApiError } from '../bridge/errors.js';
import type { KioskHandlers } from '../bridge/server.js';
import type { SessionManager } from '../sessions/session-manager.js';

/**
 * A minor's accompanying adult [000]: their card must be on the minor's file (father, mother or
 * guardian, by card number) and the file must say they hold a Macau ID card. The session keeps them
 * (unverified until their finger matches) and wipes them with the visit.
 */
export function guardianHandlers(sessions: SessionManager, hub: DeviceHub, options: { cardReadTimeoutSeconds: number }): Pick<KioskHandlers, 'guardian.readCard'> {
  return {
    'guardian.readCard': async (_params, { signal }) => {
      const session = sessions.require();
      const minor = session.holder;
      if (!minor) throw new KioskApiError('step-not-allowed', "the minor's own card has not been read");
      const deadline = AbortSignal.timeout(options.cardReadTimeoutSeconds * 1000);
      const combined = AbortSignal.any([signal, session.signal, deadline]);
      const reader = hub.get('card-reader');
      let card;
      try {
        await reader.waitForCard(combined);
        card = await reader.readVisibleData(combined);
      } catch (error) {
        if (deadline.aborted && !signal.aborted) throw new KioskApiError('timeout', `no card within ${options.cardReadTimeoutSeconds} s`);
        if (session.ended) throw new KioskApiError('session-expired', 'the session ended during the read');
        throw error;
      }
      if (session.ended) throw new KioskApiError('session-expired', 'the session ended during the read');
      if (card.cardNumber === minor.cardNumber) return { outcome: 'own-card' };
      const onFile = session.person?.guardians.find((guardian) => guardian.cardNumber === card.cardNumber);
      if (!onFile) return { outcome: 'not-on-file' };
      if (!onFile.holdsMacauIdCard) return { outcome: 'no-macau-id' };
      session.setGuardian({ relation: onFile.relation, cardNumber: card.cardNumber, holdsMacauIdCard: true, verified: false });
      return { outcome: 'found', relation: onFile.relation };
    },
  };
}
