import type { Receipt, ReceiptLine } from '../../../devices/receipt-printer/contract.js';
import type { ApplicationStatus } from '../../shared/kiosk-api/schemas/application-status.js';
import type { PaymentMethod } from '../../shared/kiosk-api/schemas/service-results.js';
import type { LocalDate } from '../../shared/calendar/local-date.js';
import { macauMinute, SLIP_HEADER } from '../counter/slips.js';
import { maskCardNumber, maskChineseName, maskLatinName } from '../counter/masking.js';
import type { PickupPlace } from '../../shared/kiosk-api/schemas/service-id.js';
import type { PickupAddress } from '../../shared/kiosk-api/schemas/pickup-address.js';
import { counterPaymentLines } from './counter-payment-lines.js';
import type { CounterOffice } from '../../shared/kiosk-api/schemas/service-id.js';
import { PAYMENT_ON_RECEIPT, PICKUP_ON_RECEIPT, SERVICE_ON_RECEIPT } from './receipt-texts.js';

/** Everything the application receipt says, gathered by the host from its own records (never from the screen). */
export interface ApplicationReceiptFacts {
  status: ApplicationStatus;
  receiptNumber: string;
  /** When the back office accepted it, or when the kiosk queued it (kept for later). */
  issuedAt: Date;
  /** The applicant as read from their card; masked before it reaches the paper. */
  applicant: { nameZh: string; nameLatin: string; cardNumber: string } | null;
  pickup: { place: PickupPlace; address: PickupAddress | null; readyAt: Date | null; collectWithinDays: number | null } | null;
  /** For services that give a result rather than a document (kinship verification). */
  resultDueBy: LocalDate | null;
  kioskId: string;
  /** The DSI counters where a fee left to pay at a counter is paid (kiosk-rules.json `counterPayment`). */
  counters?: readonly CounterOffice[];
}

const text = (value: string, style: Omit<Extract<ReceiptLine, { kind: 'text' }>, 'kind' | 'text'> = {}): ReceiptLine => ({ kind: 'text', text: value, ...style });

function feeLines(status: ApplicationStatus): ReceiptLine[] {
  if (status.feeAvos === 0) return [text('費用 Taxa: 免費 Gratuito')];
  const lines = [text(`費用 Taxa: MOP ${(status.feeAvos / 100).toFixed(2)}`, { bold: true })];
  const payment = status.payment;
  if (payment && payment.state === 'approved') {
    const choice: PaymentMethod | null = payment.method === 'govpay' ? 'govpay' : payment.tender === 'macau-pass' || payment.tender === 'unionpay-quickpass' ? payment.tender : null;
    if (choice) lines.push(text(`付款方式 Pagamento: ${PAYMENT_ON_RECEIPT[choice].zh} ${PAYMENT_ON_RECEIPT[choice].pt}`));
  }
  return lines;
}

function applicantLines(applicant: ApplicationReceiptFacts['applicant']): ReceiptLine[] {
  if (!applicant) return [];
  const names = [applicant.nameZh ? maskChineseName(applicant.nameZh) : '', applicant.nameLatin ? maskLatinName(applicant.nameLatin) : ''].filter(Boolean).join(' ');
  return [text(`申請人 Requerente: ${names}`), text(`證件編號 N.º do BIR: ${maskCardNumber(applicant.cardNumber)}`)];
}

/**
 * The address as the screens show it in Chinese and Portuguese. A Portuguese address that only
 * repeats the Chinese one (Hengqin has no official Latin address) is not printed twice.
 */
function addressLines(address: PickupAddress | null): ReceiptLine[] {
  if (!address) return [];
  const zh = address['zh-Hant'];
  return address.pt.includes(zh) ? [text(zh)] : [text(zh), text(address.pt)];
}

function pickupLines(pickup: ApplicationReceiptFacts['pickup']): ReceiptLine[] {
  if (!pickup) return [];
  const place = PICKUP_ON_RECEIPT[pickup.place];
  return [
    { kind: 'rule' },
    text('領取地點 Local de levantamento:'),
    text(place.zh, { bold: true }),
    text(place.pt, { bold: true }),
    ...addressLines(pickup.address),
    ...(pickup.readyAt ? [text(`可領取 Pronto a partir de: ${macauMinute(pickup.readyAt)}`, { bold: true })] : []),
    ...(pickup.collectWithinDays
      ? [
          text(`收到一戶通通知後${pickup.collectWithinDays}日內領取`),
          text(`Levante no prazo de ${pickup.collectWithinDays} dias após o aviso da Conta Única de Macau`),
        ]
      : []),
    text('領取時請出示此收據'),
    text('Apresente este recibo no levantamento'),
  ];
}

/**
 * The application receipt: a document a resident can hand to a counter. Service by name in both
 * languages, the masked applicant, local date and time, fee and method, the pickup place with its
 * address and ready time, and the receipt number as a QR. Every line breaks at word boundaries on
 * the paper (text-layout.ts), so nothing here needs to be cut by hand.
 */
export function buildApplicationReceipt(facts: ApplicationReceiptFacts): Receipt {
  const service = SERVICE_ON_RECEIPT[facts.status.service];
  return {
    lines: [
      ...SLIP_HEADER,
      text('收據 Recibo', { align: 'center', size: 'large' }),
      text(service.zh, { align: 'center', bold: true }),
      text(service.pt, { align: 'center' }),
      { kind: 'rule' },
      text(`收據編號 N.º do recibo: ${facts.receiptNumber}`, { bold: true }),
      ...applicantLines(facts.applicant),
      text(`日期時間 Data e hora: ${macauMinute(facts.issuedAt)}`),
      ...feeLines(facts.status),
      ...counterPaymentLines(facts.status, facts.counters ?? []),
      ...(facts.resultDueBy ? [text(`結果日期 Resultado até: ${facts.resultDueBy}`)] : []),
      ...(facts.status.receipt?.pendingSubmission ? [text('申請稍後遞交 O pedido será enviado mais tarde')] : []),
      ...pickupLines(facts.pickup),
      { kind: 'qr', data: facts.receiptNumber },
      text(`自助服務機 Quiosque: ${facts.kioskId}`, { align: 'center' }),
      { kind: 'feed', lines: 3 },
    ],
  };
}

/**
 * The slip for a payment whose answer the terminal lost and that could not be confirmed while the
 * resident waited: no receipt number yet, the reference staff can look up, and what happens next.
 */
export function buildPaymentPendingSlip(status: ApplicationStatus): Receipt {
  return {
    lines: [
      ...SLIP_HEADER,
      text('付款確認中', { align: 'center', size: 'large' }),
      text('Pagamento em confirmação', { align: 'center' }),
      text(`費用 Taxa: MOP ${(status.feeAvos / 100).toFixed(2)}`),
      text(`參考編號 Referência: ${status.applicationId.slice(0, 8).toUpperCase()}`),
      text('已通知職員 O pessoal foi chamado'),
      text('確認後發出收據或退款'),
      text('Após confirmação: recibo ou reembolso'),
      { kind: 'qr', data: status.applicationId },
      { kind: 'feed', lines: 3 },
    ],
  };
}
