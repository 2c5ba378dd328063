import type { DeviceHub } from '../../../devices/hub/device-hub.js';
import type { CardProtectedData, CardReader, CardVisibleData } from '../../../devices/card-reader/contract.js';
import { isDeviceError } from '../../../devices/errors.js';
import type { Receipt } from '../../../devices/receipt-printer/contract.js';
import type { KinshipRecord } from '../backoffice/wire.js';
import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import { withCardDeadline } from '../hardware/card-reads.js';
import type { KioskHandlers } from '../bridge/server.js';
import { macauDateOf } from '../../shared/calendar/macau-time.js';
import type { Session } from '../sessions/session.js';
import type { SessionManager } from '../sessions/session-manager.js';
import { SLIP_HEADER } from '../counter/slips.js';

type OwnDataMethod = 'contacts.readSubjectCard' | 'marriage.readSpouseCard' | 'chipData.verifyPin' | 'chipData.print';

export interface OwnDataDeps {
  sessions: SessionManager;
  hub: DeviceHub;
  options: { cardReadTimeoutSeconds: number };
  /** The applicant's relations on file from the back office; undefined when it cannot be had. */
  lookupKinship: (cardNumber: string, signal: AbortSignal) => Promise<KinshipRecord | undefined>;
  /** The minor's guardians from the back office (a ward's guardian is named by card number). */
  lookupGuardians: (cardNumber: string, signal: AbortSignal) => Promise<Array<{ relation: string; cardNumber?: string | undefined }> | undefined>;
  clock: () => Date;
}

/**
 * The second card of a contact change (a minor child's or ward's) or of a marriage (the spouse's),
 * and the chip-data print. What the host finds is kept in the session (`session.verify`) and
 * replaces the renderer's request where the rules read it (sessions/verified.ts). Nothing here
 * logs: the protected data goes from the chip to the paper and nowhere else.
 */
export function ownDataHandlers(deps: OwnDataDeps): Pick<KioskHandlers, OwnDataMethod> {
  const { sessions, hub, options } = deps;

  /** The applicant's session, once identified. */
  const applicant = (): { session: Session; cardNumber: string } => {
    const session = sessions.require();
    const cardNumber = session.holder?.cardNumber;
    if (!cardNumber) throw new KioskApiError('step-not-allowed', 'the applicant has not been identified');
    return { session, cardNumber };
  };

  /** Waits for a card that is not the applicant's own and reads its visible data. */
  const readOtherCard = async (session: Session, own: string, callSignal: AbortSignal): Promise<CardVisibleData> => {
    const reader = hub.get('card-reader');
    return withCardDeadline(session, callSignal, options.cardReadTimeoutSeconds, 'second card', async (signal) => {
      for (;;) {
        await reader.waitForCard(signal);
        let visible: CardVisibleData;
        try {
          visible = await reader.readVisibleData(signal);
        } catch (error) {
          // The applicant's card taken off (or swapped) while it was being looked at: wait for the next.
          if (isDeviceError(error) && error.code === 'card-removed' && !signal.aborted) continue;
          throw error;
        }
        if (visible.cardNumber !== own) return visible;
        // Still the applicant's own card: wait for it to be taken off.
        await reader.waitForRemoval(signal);
      }
    });
  };

  /** The applicant's own card must be on the reader for the chip's data (not someone else's). */
  const ownCardOnReader = async (reader: CardReader, own: string, signal: AbortSignal): Promise<void> => {
    const visible = await reader.readVisibleData(signal);
    if (visible.cardNumber !== own) throw new KioskApiError('card-removed', 'the card on the reader is not the applicant’s');
  };

  return {
    'contacts.readSubjectCard': async ({ relation }, call) => {
      const { session, cardNumber } = applicant();
      const child = await readOtherCard(session, cardNumber, call.signal);
      const signal = AbortSignal.any([call.signal, session.signal]);
      let relationOnFile = false;
      if (relation === 'minor-child') {
        const kinship = await deps.lookupKinship(cardNumber, signal);
        relationOnFile = kinship?.relatives.some((r) => r.relation === 'child' && r.cardNumber === child.cardNumber) ?? false;
      } else {
        const guardians = await deps.lookupGuardians(child.cardNumber, signal);
        relationOnFile = guardians?.some((g) => g.relation === 'guardian' && g.cardNumber === cardNumber) ?? false;
      }
      if (session.ended) throw new KioskApiError('session-expired', 'the session ended during the read');
      session.verify({ contactSubject: { relation, cardNumber: child.cardNumber, dateOfBirth: child.dateOfBirth, relationOnFile } });
      return { subject: { relation, nameZh: child.nameZh, nameLatin: child.nameLatin, dateOfBirth: child.dateOfBirth, relationOnFile } };
    },
    'marriage.readSpouseCard': async (_params, call) => {
      const { session, cardNumber } = applicant();
      const spouse = await readOtherCard(session, cardNumber, call.signal);
      const signal = AbortSignal.any([call.signal, session.signal]);
      const today = macauDateOf(deps.clock());
      const unexpired = spouse.expiry === null || spouse.expiry >= today;
      // A smart ID card proves itself: its data is signed (passive) and its chip holds the key (active).
      const authenticity = await hub.get('card-reader').checkAuthenticity(signal);
      const validSmartCard = unexpired && authenticity.passive === 'valid' && authenticity.active === 'valid';
      if (session.ended) throw new KioskApiError('session-expired', 'the session ended during the read');
      session.verify({ spouse: { cardNumber: spouse.cardNumber, validSmartCard } });
      return { spouse: { nameZh: spouse.nameZh, nameLatin: spouse.nameLatin, validSmartCard } };
    },
    'chipData.verifyPin': async ({ pin }, call) => {
      const { session, cardNumber } = applicant();
      const signal = AbortSignal.any([call.signal, session.signal]);
      const reader = hub.get('card-reader');
      await ownCardOnReader(reader, cardNumber, signal);
      try {
        const answer = await reader.verifyPin(pin, signal);
        if (answer.verified) {
          session.verify({ chipPinVerifiedFor: cardNumber });
          return { verified: true as const };
        }
        return { verified: false as const, triesLeft: answer.triesLeft, blocked: 'blocked' in answer };
      } catch (error) {
        if (isDeviceError(error) && error.code === 'user-action-needed' && error.detail === 'pin-blocked') {
          return { verified: false as const, triesLeft: 0, blocked: true };
        }
        throw error;
      }
    },
    'chipData.print': async (_params, call) => {
      const { session, cardNumber } = applicant();
      if (session.verified.chipPinVerifiedFor !== cardNumber) throw new KioskApiError('step-not-allowed', 'the PIN has not been verified');
      const signal = AbortSignal.any([call.signal, session.signal]);
      const reader = hub.get('card-reader');
      await ownCardOnReader(reader, cardNumber, signal);
      const holder = session.holder;
      if (!holder) throw new KioskApiError('step-not-allowed', 'the applicant has not been identified');
      const data = await reader.readProtectedData(signal);
      await hub.get('receipt-printer').print(buildChipDataSheet(holder, data, deps.clock()), signal);
      session.note('chip-data-printed');
      return { printed: true as const };
    },
  };
}

const MARITAL: Record<CardProtectedData['maritalStatus'], string> = {
  single: '未婚 Solteiro(a)',
  married: '已婚 Casado(a)',
  divorced: '離婚 Divorciado(a)',
  widowed: '喪偶 Viúvo(a)',
};

/** The printed sheet, in Macau's two official languages (the printer has no locale of the screen). */
export function buildChipDataSheet(holder: Pick<CardVisibleData, 'cardNumber' | 'nameZh' | 'nameLatin'>, data: CardProtectedData, printedAt: Date): Receipt {
  const text = (value: string) => ({ kind: 'text' as const, text: value });
  return {
    lines: [
      ...SLIP_HEADER,
      { kind: 'text', text: '晶片資料 Dados do chip', align: 'center', size: 'large' },
      text(`身份證編號 N.º do BIR: ${holder.cardNumber}`),
      text(`姓名 Nome: ${[holder.nameZh, holder.nameLatin].filter(Boolean).join(' ')}`),
      text(`其他姓名 Outros nomes: ${data.otherNames.length > 0 ? data.otherNames.join('; ') : '—'}`),
      text(`父親姓名 Nome do pai: ${data.fatherName || '—'}`),
      text(`母親姓名 Nome da mãe: ${data.motherName || '—'}`),
      text(`婚姻狀況 Estado civil: ${MARITAL[data.maritalStatus]}`),
      { kind: 'rule' },
      text(`打印時間 Impresso em: ${macauDateOf(printedAt)}`),
      { kind: 'feed', lines: 3 },
    ],
  };
}
