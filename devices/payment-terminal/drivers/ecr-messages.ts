import { isPaymentReference, type PaymentPrompt, type Tender, type TransactionState } from '../contract.js';

/**
 * ECR messages (docs/protocols/payment-terminal.md), a pure codec: `TYPE` followed by fields, each
 * preceded by FS. The link layer puts a two-digit sequence number in front. Field values are
 * printable ASCII without FS; decoding validates every field and never throws.
 */

const FS = '\x1c'; // field separator

export type EcrRequest =
  | { type: 'status' }
  | { type: 'sale'; reference: string; amountAvos: number; tender: Tender }
  | { type: 'abort'; reference: string }
  | { type: 'void'; reference: string }
  | { type: 'enquire'; reference: string }
  | { type: 'self-test' };

export type EcrRequestType = EcrRequest['type'];

/** Why the terminal refused a request outright, before anything was charged. */
export const REJECT_REASONS = [
  'duplicate-reference',
  'invalid-amount',
  'invalid-currency',
  'invalid-tender',
  'invalid-reference',
  'busy',
  'format',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export type SaleResult = 'approved' | 'declined' | 'cancelled';

export type EcrResponse =
  | { type: 'status'; fault: string | null; busy: boolean; model: string; vendor: string; firmware: string }
  | {
      type: 'sale';
      reference: string;
      result: SaleResult;
      /** ISO 8583-style response code: 00 approved, 51 insufficient funds, 54 expired card, … */
      responseCode: string;
      authCode?: string;
      cardLast4?: string;
      balanceAvos?: number;
    }
  | { type: 'abort'; reference: string; accepted: boolean }
  | { type: 'void'; reference: string; state: TransactionState }
  | { type: 'enquire'; reference: string; state: TransactionState; authCode?: string }
  | { type: 'self-test'; passed: boolean; detail?: string }
  | { type: 'reject'; request: EcrRequestType; reference: string; reason: RejectReason }
  | { type: 'event'; reference: string; prompt: PaymentPrompt }
  | { type: 'power-up' };

export type Decoded<T> = { ok: true; message: T } | { ok: false; reason: string };

// Two-letter codes on the wire, both ways (answers reuse their request's code; RJ, EV and PU exist only as answers).
const REQUEST_CODES = { status: 'ST', sale: 'SA', abort: 'AB', void: 'VD', enquire: 'EQ', 'self-test': 'TS' } as const;
const TENDER_CODES: Record<Tender, string> = { 'unionpay-quickpass': 'UP', 'macau-pass': 'MP' };
const PROMPT_CODES: Record<PaymentPrompt, string> = { 'present-card': 'PC', processing: 'PR', 'remove-card': 'RC' };
const RESULT_CODES: Record<SaleResult, string> = { approved: 'AP', declined: 'DC', cancelled: 'CN' };
const STATE_CODES: Record<TransactionState, string> = {
  approved: 'AP',
  declined: 'DC',
  cancelled: 'CN',
  voided: 'VO',
  'in-progress': 'IP',
  'not-found': 'NF',
};
/** ISO 4217 numeric code of the pataca: the only currency the kiosk takes. */
export const MOP_NUMERIC = '446';

const AMOUNT_DIGITS = 12;
/** Largest amount twelve digits can carry. */
export const MAX_AMOUNT_AVOS = 999_999_999_999;

export function encodeRequest(request: EcrRequest): string {
  const code = REQUEST_CODES[request.type];
  switch (request.type) {
    case 'status':
    case 'self-test':
      return code;
    case 'sale':
      return join(code, request.reference, String(request.amountAvos).padStart(AMOUNT_DIGITS, '0'), MOP_NUMERIC, TENDER_CODES[request.tender]);
    case 'abort':
    case 'void':
    case 'enquire':
      return join(code, request.reference);
  }
}

/** What a terminal reads; the currency is returned so it can refuse anything but MOP. */
export function decodeRequest(text: string): Decoded<EcrRequest & { currency?: string }> {
  const [code, ...fields] = text.split(FS);
  const type = keyOf(REQUEST_CODES, code);
  if (!type) return { ok: false, reason: `unknown request ${String(code)}` };
  switch (type) {
    case 'status':
    case 'self-test':
      return fields.length === 0 ? { ok: true, message: { type } } : bad(type);
    case 'sale': {
      const [reference, amount, currency, tenderCode] = fields;
      const tender = keyOf(TENDER_CODES, tenderCode);
      if (fields.length !== 4 || reference === undefined || !isPaymentReference(reference)) return bad(type);
      if (amount === undefined || !/^\d{12}$/.test(amount) || currency === undefined) return bad(type);
      if (!tender) return { ok: false, reason: 'invalid-tender' };
      return { ok: true, message: { type, reference, amountAvos: Number(amount), tender, currency } };
    }
    case 'abort':
    case 'void':
    case 'enquire': {
      const [reference] = fields;
      if (fields.length !== 1 || reference === undefined || !isPaymentReference(reference)) return bad(type);
      return { ok: true, message: { type, reference } };
    }
  }
}

export function encodeResponse(response: EcrResponse): string {
  switch (response.type) {
    case 'status':
      return join('ST', response.fault === null ? (response.busy ? 'BUSY' : 'IDLE') : `FAULT:${response.fault}`, response.model, response.vendor, response.firmware);
    case 'sale':
      return join(
        'SA',
        response.reference,
        RESULT_CODES[response.result],
        response.responseCode,
        response.authCode ?? '',
        response.cardLast4 ?? '',
        response.balanceAvos === undefined ? '' : String(response.balanceAvos),
      );
    case 'abort':
      return join('AB', response.reference, response.accepted ? 'Y' : 'N');
    case 'void':
      return join('VD', response.reference, STATE_CODES[response.state]);
    case 'enquire':
      return join('EQ', response.reference, STATE_CODES[response.state], response.authCode ?? '');
    case 'self-test':
      return join('TS', response.passed ? 'OK' : 'FAIL', response.detail ?? '');
    case 'reject':
      return join('RJ', REQUEST_CODES[response.request], response.reference, response.reason.toUpperCase());
    case 'event':
      return join('EV', response.reference, PROMPT_CODES[response.prompt]);
    case 'power-up':
      return 'PU';
  }
}

const STABLE_CODE = /^[a-z0-9-]{1,64}$/;
const PRINTABLE = /^[\x20-\x7e]{1,40}$/;

/** What the driver reads from the terminal. Anything malformed is `ok: false`, never a throw. */
export function decodeResponse(text: string): Decoded<EcrResponse> {
  const [code, ...f] = text.split(FS);
  switch (code) {
    case 'ST': {
      const [state, model, vendor, firmware] = f;
      if (f.length !== 4 || state === undefined || model === undefined || vendor === undefined || firmware === undefined) return bad('status');
      if (![model, vendor, firmware].every((v) => PRINTABLE.test(v))) return bad('status');
      if (state === 'IDLE' || state === 'BUSY') return { ok: true, message: { type: 'status', fault: null, busy: state === 'BUSY', model, vendor, firmware } };
      const fault = /^FAULT:([a-z0-9-]{1,64})$/.exec(state)?.[1];
      return fault === undefined ? bad('status') : { ok: true, message: { type: 'status', fault, busy: false, model, vendor, firmware } };
    }
    case 'SA': {
      const [reference, resultCode, responseCode, authCode, last4, balance] = f;
      const result = keyOf(RESULT_CODES, resultCode);
      if (f.length !== 6 || !result || !ref(reference) || responseCode === undefined || !/^[0-9A-Z]{2}$/.test(responseCode)) return bad('sale');
      if (authCode === undefined || !/^[0-9A-Z]{0,8}$/.test(authCode)) return bad('sale');
      // The kiosk never sees a card number: at most four digits are accepted here.
      if (last4 === undefined || !/^(\d{4})?$/.test(last4)) return bad('sale');
      if (balance === undefined || !/^(\d{1,12})?$/.test(balance)) return bad('sale');
      if (result === 'approved' && authCode === '') return bad('sale');
      return {
        ok: true,
        message: {
          type: 'sale',
          reference,
          result,
          responseCode,
          ...(authCode !== '' ? { authCode } : {}),
          ...(last4 !== '' ? { cardLast4: last4 } : {}),
          ...(balance !== '' ? { balanceAvos: Number(balance) } : {}),
        },
      };
    }
    case 'AB': {
      const [reference, accepted] = f;
      if (f.length !== 2 || !ref(reference) || (accepted !== 'Y' && accepted !== 'N')) return bad('abort');
      return { ok: true, message: { type: 'abort', reference, accepted: accepted === 'Y' } };
    }
    case 'VD': {
      const [reference, stateCode] = f;
      const state = keyOf(STATE_CODES, stateCode);
      if (f.length !== 2 || !ref(reference) || !state) return bad('void');
      return { ok: true, message: { type: 'void', reference, state } };
    }
    case 'EQ': {
      const [reference, stateCode, authCode] = f;
      const state = keyOf(STATE_CODES, stateCode);
      if (f.length !== 3 || !ref(reference) || !state || authCode === undefined || !/^[0-9A-Z]{0,8}$/.test(authCode)) return bad('enquire');
      return { ok: true, message: { type: 'enquire', reference, state, ...(authCode !== '' ? { authCode } : {}) } };
    }
    case 'TS': {
      const [verdict, detail] = f;
      if (f.length !== 2 || (verdict !== 'OK' && verdict !== 'FAIL') || detail === undefined || (detail !== '' && !STABLE_CODE.test(detail))) return bad('self-test');
      return { ok: true, message: { type: 'self-test', passed: verdict === 'OK', ...(detail !== '' ? { detail } : {}) } };
    }
    case 'RJ': {
      const [requestCode, reference, reasonCode] = f;
      const request = keyOf(REQUEST_CODES, requestCode);
      const reason = REJECT_REASONS.find((r) => r.toUpperCase() === reasonCode);
      if (f.length !== 3 || !request || reference === undefined || !/^[\x20-\x7e]{0,32}$/.test(reference) || !reason) return bad('reject');
      return { ok: true, message: { type: 'reject', request, reference, reason } };
    }
    case 'EV': {
      const [reference, promptCode] = f;
      const prompt = keyOf(PROMPT_CODES, promptCode);
      if (f.length !== 2 || !ref(reference) || !prompt) return bad('event');
      return { ok: true, message: { type: 'event', reference, prompt } };
    }
    case 'PU':
      return f.length === 0 ? { ok: true, message: { type: 'power-up' } } : bad('power-up');
    default:
      return { ok: false, reason: `unknown response ${String(code)}` };
  }
}

/** Decline response codes the kiosk knows, as the stable reasons the renderer translates. */
const DECLINE_REASONS: Record<string, string> = {
  '05': 'do-not-honour',
  '51': 'insufficient-funds',
  '54': 'card-expired',
  '55': 'wrong-pin',
  '57': 'not-permitted',
  '61': 'limit-exceeded',
  '91': 'issuer-unavailable',
};

export function declineReason(responseCode: string): string {
  return DECLINE_REASONS[responseCode] ?? `declined-${responseCode.toLowerCase()}`;
}

/** The response code a terminal sends for a stable decline reason (the simulator's side). */
export function declineCode(reason: string): string {
  const hit = Object.entries(DECLINE_REASONS).find(([, r]) => r === reason)?.[0];
  if (hit) return hit;
  const raw = /^declined-([0-9a-z]{2})$/.exec(reason)?.[1];
  return raw ? raw.toUpperCase() : '05';
}

function join(...parts: string[]): string {
  return parts.join(FS);
}

function ref(value: string | undefined): value is string {
  return isPaymentReference(value);
}

function keyOf<K extends string>(table: Record<K, string>, code: string | undefined): K | undefined {
  if (code === undefined) return undefined;
  return (Object.keys(table) as K[]).find((key) => table[key] === code);
}

function bad(what: string): { ok: false; reason: string } {
  return { ok: false, reason: `malformed ${what}` };
}
