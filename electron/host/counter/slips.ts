import type { Receipt, ReceiptLine } from '../../../devices/receipt-printer/contract.js';
import { toMacauWallClock } from '../calendar/macau-time.js';
import type { CounterOffice } from '../services/service-id.js';
import type { AuthenticityResult, AuthenticityVerdict, QueueTicket } from './api-schemas.js';

/**
 * The slips of the authenticity check and the queue ticket, in Macau's two official languages (the
 * printer has no locale of the screen), as the application receipt is (handlers/print-and-measure.ts).
 */

const HEADER: ReceiptLine[] = [
  { kind: 'logo' },
  { kind: 'text', text: '身份證明局 Direcção dos Serviços de Identificação', align: 'center', bold: true },
  { kind: 'rule' },
];

/** `2026-11-24 10:30`, Macau time, from any instant. */
export function macauMinute(instant: Date): string {
  const clock = toMacauWallClock(instant);
  const hh = String(Math.floor(clock.minutes / 60)).padStart(2, '0');
  const mm = String(clock.minutes % 60).padStart(2, '0');
  return `${clock.date} ${hh}:${mm}`;
}

export const VERDICT_TEXT: Readonly<Record<AuthenticityVerdict, string>> = {
  genuine: '真實證件 Documento autêntico',
  'altered-data': '資料曾被更改 Dados alterados',
  'cloned-chip': '晶片為複製品 Chip clonado',
  expired: '證件已過期 Documento caducado',
  'not-an-id-card': '並非身份證 Não é um bilhete de identidade',
  unreadable: '無法讀取 Ilegível',
};

export function buildAuthenticitySlip(result: AuthenticityResult, kioskId: string): Receipt {
  return {
    lines: [
      ...HEADER,
      { kind: 'text', text: '證件真偽查核結果', align: 'center', size: 'large' },
      { kind: 'text', text: 'Resultado da verificação de autenticidade', align: 'center' },
      { kind: 'rule' },
      ...(result.cardNumberMasked ? [{ kind: 'text' as const, text: `證件編號 N.º: ${result.cardNumberMasked}` }] : []),
      { kind: 'text', text: `結果 Resultado: ${VERDICT_TEXT[result.verdict]}`, bold: true },
      ...(result.expiredOn ? [{ kind: 'text' as const, text: `有效期至 Válido até: ${result.expiredOn}` }] : []),
      { kind: 'text', text: `日期時間 Data e hora: ${macauMinute(new Date(result.checkedAt))}` },
      { kind: 'text', text: `自助機 Quiosque: ${kioskId}` },
      { kind: 'feed', lines: 3 },
    ],
  };
}

export const OFFICE_TEXT: Readonly<Record<CounterOffice, string>> = {
  hq: '總部 中華廣場 Sede, Edf. China Plaza',
  'government-services-building': '政府綜合服務大樓 Edifício dos Serviços Públicos',
  'islands-centre': '離島政府綜合服務中心 Centro de Serviços das Ilhas',
};

export function buildTicketSlip(ticket: QueueTicket, kioskId: string): Receipt {
  const kind = ticket.kind === 'booking' ? '預約籌 Senha de marcação' : '即日籌 Senha do dia';
  const hint =
    ticket.kind === 'booking'
      ? '請於預約時間到總部櫃檯 Dirija-se ao balcão da Sede à hora marcada'
      : '請留意叫號顯示屏 Aguarde a chamada do seu número no ecrã';
  return {
    lines: [
      ...HEADER,
      { kind: 'text', text: `輪候籌號 Senha ${kind}`, align: 'center' },
      { kind: 'text', text: ticket.ticketNumber, align: 'center', size: 'large', bold: true },
      { kind: 'rule' },
      { kind: 'text', text: OFFICE_TEXT[ticket.office] },
      { kind: 'text', text: `取籌時間 Emitida: ${macauMinute(new Date(ticket.issuedAt))}` },
      { kind: 'text', text: hint },
      { kind: 'text', text: `自助機 Quiosque: ${kioskId}` },
      { kind: 'feed', lines: 3 },
    ],
  };
}
