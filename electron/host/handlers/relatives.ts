import type { DeviceHub } from '../../../devices/hub/device-hub.js';
import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import { readCardWithin } from '../hardware/card-reads.js';
import type { KioskHandlers } from '../bridge/server.js';
import { maskCardNumber, maskChineseName, maskLatinName } from '../kinship/mask.js';
import type { RelativesList } from '../../shared/kiosk-api/schemas/relatives.js';
import { RULES } from '../../shared/kiosk-api/schemas/rule-constants.js';
import type { Session, SessionRelative } from '../sessions/session.js';
import type { SessionManager } from '../sessions/session-manager.js';

type RelativesMethod = 'relatives.readCard' | 'relatives.remove' | 'relatives.list';

function listOf(relatives: readonly SessionRelative[]): RelativesList {
  return {
    max: RULES.maxRelatives,
    relatives: relatives.map(({ relation, holder }) => ({
      relation,
      nameZh: maskChineseName(holder.nameZh),
      nameLatin: maskLatinName(holder.nameLatin),
      cardNumber: maskCardNumber(holder.cardNumber),
    })),
  };
}

/**
 * A kinship certificate's relatives, read one by one on the card reader: the resident lifts their
 * own card and places each relative's. The list lives in the session (wiped with it) and is what
 * the rules see as `request.relatives` (sessions/facts-from-session.ts).
 */
export function relativesHandlers(sessions: SessionManager, hub: DeviceHub, options: { cardReadTimeoutSeconds: number }): Pick<KioskHandlers, RelativesMethod> {
  const identified = (): Session & { holder: NonNullable<Session['holder']> } => {
    const session = sessions.require();
    if (!session.holder) throw new KioskApiError('step-not-allowed', "the applicant's own card has not been read");
    return session as Session & { holder: NonNullable<Session['holder']> };
  };
  return {
    'relatives.readCard': async ({ relation, replace }, { signal }) => {
      const session = identified();
      const current = session.relatives;
      if (replace !== undefined && replace >= current.length) throw new KioskApiError('step-not-allowed', `no relative ${replace} to replace`);
      if (replace === undefined && current.length >= RULES.maxRelatives) return { outcome: 'full', list: listOf(current) };
      const reader = hub.get('card-reader');
      const holder = await readCardWithin(reader, session, signal, options.cardReadTimeoutSeconds, "relative's card");
      if (holder.cardNumber === session.holder.cardNumber) return { outcome: 'own-card', list: listOf(current) };
      // A card already listed is refused, unless it is the very entry being replaced.
      if (current.some((relative, index) => index !== replace && relative.holder.cardNumber === holder.cardNumber)) {
        return { outcome: 'duplicate', list: listOf(current) };
      }
      const next = [...current];
      if (replace === undefined) next.push({ relation, holder });
      else next[replace] = { relation, holder };
      session.setRelatives(next);
      return { outcome: 'added', list: listOf(next) };
    },
    'relatives.remove': async ({ index }) => {
      const session = identified();
      if (index >= session.relatives.length) throw new KioskApiError('step-not-allowed', `no relative ${index} to remove`);
      session.setRelatives(session.relatives.filter((_, i) => i !== index));
      return listOf(session.relatives);
    },
    'relatives.list': async () => listOf(identified().relatives),
  };
}
