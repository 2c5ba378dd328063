import type { Receipt, ReceiptLine } from '../../../devices/receipt-printer/contract.js';
import { toMacauWallClock } from '../../shared/calendar/macau-time.js';
import type { CounterOffice } from '../../shared/kiosk-api/schemas/service-id.js';
import type { AuthenticityResult, AuthenticityVerdict, QueueTicket } from '../../shared/kiosk-api/schemas/counter.js';

/**
 * The slips of the authenticity check and the queue ticket, in Macau's two official languages (the
 * printer has no locale of the screen), as the application receipt is (handlers/print-and-measure.ts).
 */

/** Each line fits the 48 columns of the paper (Chinese characters count two), so no word is cut. Every slip and receipt starts with it. */
export const SLIP_HEADER: readonly ReceiptLine[] = [
  { kind: 'logo' },
  { kind: 'text', text: '身份證明局', align: 'center', bold: true },
  { kind: 'text', text: 'Direcção dos Serviços de Identificação', align: 'center', bold: true },
  { kind: 'rule' },
];

/** `2026-11-24 10:30`, Macau time, from any instant. */
export function macauMinute(instant: Date): string {
  const clock = toMacauWallClock(instant);
  const hh = String(Math.floor(clock.minutes / 60)).padStart(2, '0');
  const mm = String(clock.minutes % 60).padStart(2, '0');
  return `${clock.date} ${hh}:${mm}`;
}

export const VERDICT_TEXT: Readonly<Record<AuthenticityVerdict, { zh: string; pt: string }>> = {
  genuine: { zh: '真實證件', pt: 'Documento autêntico' },
  'altered-data': { zh: '資料曾被更改', pt: 'Dados alterados' },
  'cloned-chip': { zh: '晶片為複製品', pt: 'Chip clonado' },
  expired: { zh: '證件已過期', pt: 'Documento caducado' },
  'not-an-id-card': { zh: '並非身份證', pt: 'Não é um bilhete de identidade' },
  unreadable: { zh: '無法讀取', pt: 'Ilegível' },
};

export function buildAuthenticitySlip(result: AuthenticityResult, kioskId: string): Receipt {
  return {
    lines: [
      ...SLIP_HEADER,
      { kind: 'text', text: '證件真偽查核結果', align: 'center', size: 'large' },
      { kind: 'text', text: 'Resultado da verificação de autenticidade', align: 'center' },
      { kind: 'rule' },
      ...(result.cardNumberMasked ? [{ kind: 'text' as const, text: `證件編號 N.º: ${result.cardNumberMasked}` }] : []),
      { kind: 'text', text: '結果 Resultado:' },
      { kind: 'text', text: VERDICT_TEXT[result.verdict].zh, size: 'large', bold: true },
      { kind: 'text', text: VERDICT_TEXT[result.verdict].pt, bold: true },
      ...(result.expiredOn ? [{ kind: 'text' as const, text: `有效期至 Válido até: ${result.expiredOn}` }] : []),
      { kind: 'text', text: `日期時間 Data e hora: ${macauMinute(new Date(result.checkedAt))}` },
      { kind: 'text', text: `自助服務機 Quiosque: ${kioskId}` },
      { kind: 'feed', lines: 3 },
    ],
  };
}

/** The offices' names as the screens show them (locales/*.json `pickupPlaces`), with HQ's address. */
export const OFFICE_TEXT: Readonly<Record<CounterOffice, { zh: string; pt: string }>> = {
  hq: { zh: '身份證明局總部（中華廣場）', pt: 'Sede da DSI (Edifício China Plaza)' },
  'government-services-building': { zh: '政府綜合服務大樓', pt: 'Centro de Serviços da RAEM' },
  'islands-centre': { zh: '離島政府綜合服務中心', pt: 'Centro de Serviços das Ilhas' },
};

export function buildTicketSlip(ticket: QueueTicket, kioskId: string): Receipt {
  const kind = ticket.kind === 'booking' ? '預約籌 Senha de marcação' : '即日籌 Senha do dia';
  const hint: ReceiptLine[] =
    ticket.kind === 'booking'
      ? [
          { kind: 'text', text: '請於預約時間到總部櫃檯' },
          { kind: 'text', text: 'Dirija-se ao balcão da Sede à hora marcada' },
        ]
      : [
          { kind: 'text', text: '請留意叫號顯示屏' },
          { kind: 'text', text: 'Aguarde a chamada do seu número no ecrã' },
        ];
  return {
    lines: [
      ...SLIP_HEADER,
      { kind: 'text', text: kind, align: 'center' },
      { kind: 'text', text: ticket.ticketNumber, align: 'center', size: 'large', bold: true },
      { kind: 'rule' },
      { kind: 'text', text: OFFICE_TEXT[ticket.office].zh },
      { kind: 'text', text: OFFICE_TEXT[ticket.office].pt },
      { kind: 'text', text: `取籌時間 Emitida: ${macauMinute(new Date(ticket.issuedAt))}` },
      ...hint,
      { kind: 'text', text: `自助服務機 Quiosque: ${kioskId}` },
      { kind: 'feed', lines: 3 },
    ],
  };
}
