import type { DeviceHub } from '../../../devices/hub/device-hub.js';
import type { Receipt } from '../../../devices/receipt-printer/contract.js';
import type { ApplicationOrchestrator } from '../applications/orchestrator.js';
import type { ApplicationStatus } from '../applications/status.js';
import { KioskApiError } from '../bridge/errors.js';
import type { KioskHandlers } from '../bridge/server.js';
import type { PickupPlace } from '../services/service-id.js';
import type { SessionManager } from '../sessions/session-manager.js';
import { SLIP_HEADER } from '../counter/slips.js';

/** How long the resident has to stand still under the height gauge. */
const HEIGHT_TIMEOUT_MS = 30_000;

/**
 * Two small device steps of a renewal: measuring the resident's height on the gauge, and printing
 * the receipt of an application of this session (built here from the host's own record, never
 * from what the renderer sends).
 */
export function printAndMeasureHandlers(
  sessions: SessionManager,
  hub: DeviceHub,
  orchestrator: ApplicationOrchestrator,
): Pick<KioskHandlers, 'height.measure' | 'receipts.print'> {
  return {
    'height.measure': async (_params, { signal }) => {
      const session = sessions.require();
      const measured = await hub.get('height-gauge').measure({ timeoutMs: HEIGHT_TIMEOUT_MS }, AbortSignal.any([signal, session.signal]));
      // Kept in the session: the application carries the host's reading, not a figure from the screen.
      session.setHeight(measured.heightMm);
      return { heightMm: measured.heightMm };
    },
    'receipts.print': async ({ applicationId }, { signal }) => {
      const session = sessions.require();
      if (!orchestrator.belongsTo(applicationId, session.id)) throw new KioskApiError('application-not-found', 'no such application in this session');
      const status = orchestrator.status(applicationId);
      const number = status.receipt?.receiptNumber;
      if (!number && status.confirmation === 'overdue') {
        // The answer is still unknown after the visit's wait: the resident leaves with a slip that says so.
        await hub.get('receipt-printer').print(buildPaymentPendingSlip(status), AbortSignal.any([signal, session.signal]));
        return { printed: true as const };
      }
      if (!number) throw new KioskApiError('step-not-allowed', `no receipt yet (${status.state})`);
      const pickupPlace = orchestrator.pickupPlaceOf(applicationId);
      await hub.get('receipt-printer').print(buildReceipt(status, number, pickupPlace), AbortSignal.any([signal, session.signal]));
      return { printed: true as const };
    },
  };
}

/** Pickup places as the receipt prints them, in Chinese and Portuguese. */
export const PLACE_ON_RECEIPT: Record<PickupPlace, string> = {
  hq: '身份證明局總部 Sede da DSI',
  'government-services-building': '政府綜合服務大樓 Centro de Serviços da RAEM',
  'islands-centre': '離島政府綜合服務中心 Centro de Serviços das Ilhas',
  hengqin: '橫琴自助服務站 Posto de Hengqin',
  'smart-locker': '智能櫃 Cacifo inteligente',
};

/** The printed receipt, in Macau's two official languages (the printer has no locale of the screen). */
export function buildReceipt(status: ApplicationStatus, receiptNumber: string, pickupPlace?: PickupPlace): Receipt {
  const fee = `MOP ${(status.feeAvos / 100).toFixed(2)}`;
  return {
    lines: [
      ...SLIP_HEADER,
      { kind: 'text', text: '收據 Recibo', align: 'center', size: 'large' },
      { kind: 'text', text: `${status.service}`, align: 'center' },
      { kind: 'text', text: `收據編號 N.º: ${receiptNumber}` },
      { kind: 'text', text: `費用 Taxa: ${fee}` },
      ...(status.receipt?.acceptedAt ? [{ kind: 'text' as const, text: `${status.receipt.acceptedAt}` }] : []),
      ...(pickupPlace ? [{ kind: 'text' as const, text: `領取地點 Levantamento: ${PLACE_ON_RECEIPT[pickupPlace]}` }] : []),
      ...(status.receipt?.pendingSubmission ? [{ kind: 'text' as const, text: '稍後遞交 Será enviado mais tarde' }] : []),
      { kind: 'qr', data: receiptNumber },
      { kind: 'feed', lines: 3 },
    ],
  };
}

/**
 * The slip for a payment whose answer the terminal lost and that could not be confirmed while the
 * resident waited: no receipt number yet, the reference staff can look up, and what happens next.
 */
export function buildPaymentPendingSlip(status: ApplicationStatus): Receipt {
  const fee = `MOP ${(status.feeAvos / 100).toFixed(2)}`;
  return {
    lines: [
      ...SLIP_HEADER,
      // Short lines: a double-width Chinese title and a Portuguese line each fit the 48-column paper unbroken.
      { kind: 'text', text: '付款確認中', align: 'center', size: 'large' },
      { kind: 'text', text: 'Pagamento em confirmação', align: 'center' },
      { kind: 'text', text: `費用 Taxa: ${fee}` },
      { kind: 'text', text: `參考編號 Referência: ${status.applicationId.slice(0, 8).toUpperCase()}` },
      { kind: 'text', text: '已通知職員 O pessoal foi chamado' },
      { kind: 'text', text: '確認後發出收據或退款' },
      { kind: 'text', text: 'Após confirmação: recibo ou reembolso' },
      { kind: 'qr', data: status.applicationId },
      { kind: 'feed', lines: 3 },
    ],
  };
}
