import type { z } from 'zod';
import {
  ApplicationAccepted,
  ApplicationWithdrawn,
  CardLookup,
  Collection,
  GovPayPayment,
  Health,
  KinshipRecord,
  PersonRecord,
  Problem,
  Ticket,
  type TicketRequest,
} from './wire.js';
import { type MutualTls, mutualTlsFetch } from './mutual-tls-fetch.js';

/**
 * Why a call failed, as data. `unreachable` and `timeout` and `server` (5xx) are transient: the same
 * request may be sent again. `refused` (a 4xx problem) is the back office's final word.
 */
export type BackofficeFailure =
  | { kind: 'unreachable' | 'timeout' | 'server' | 'invalid-response'; code: string }
  | { kind: 'refused'; code: string; status: number };

export type BackofficeResult<T> = { ok: true; value: T } | { ok: false; error: BackofficeFailure };

export function isTransient(error: BackofficeFailure): boolean {
  return error.kind !== 'refused';
}

export interface BackofficeClientOptions {
  url: string;
  timeoutMs: number;
  /** This kiosk's client certificate and the back office's CA (mutual TLS; required outside test mode). */
  tls?: MutualTls | undefined;
  fetch?: typeof fetch;
}

/**
 * The kiosk's HTTP client of the back office. Every answer is validated; every failure is a
 * `BackofficeFailure`, never a throw. Card numbers travel in bodies, never in URLs, and nothing
 * here logs.
 */
export class BackofficeClient {
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: BackofficeClientOptions) {
    this.base = options.url.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs;
    this.fetchImpl = options.fetch ?? (options.tls ? mutualTlsFetch(options.tls) : fetch);
  }

  health(signal?: AbortSignal): Promise<BackofficeResult<z.infer<typeof Health>>> {
    return this.call('GET', '/v1/health', undefined, Health, { signal });
  }

  person(cardNumber: string, signal?: AbortSignal): Promise<BackofficeResult<PersonRecord>> {
    return this.call('POST', '/v1/persons/lookup', CardLookup.parse({ cardNumber }), PersonRecord, { signal });
  }

  kinship(cardNumber: string, signal?: AbortSignal): Promise<BackofficeResult<KinshipRecord>> {
    return this.call('POST', '/v1/kinship/lookup', CardLookup.parse({ cardNumber }), KinshipRecord, { signal });
  }

  /** Sends `body` exactly as given: a resend must be byte-identical to be a replay, not a conflict. */
  submitApplication(applicationId: string, body: string, signal?: AbortSignal): Promise<BackofficeResult<ApplicationAccepted>> {
    return this.call('POST', '/v1/applications', body, ApplicationAccepted, { signal, idempotencyKey: applicationId });
  }

  /** The back office's answer to an application it already holds (404 `application-not-found` when it has none): asked before a resend. */
  applicationAcceptance(applicationId: string, signal?: AbortSignal): Promise<BackofficeResult<ApplicationAccepted>> {
    return this.call('GET', `/v1/applications/${encodeURIComponent(applicationId)}/acceptance`, undefined, ApplicationAccepted, { signal });
  }

  /** Withdraws an application (sent or not) for good; the same key again answers the same withdrawal. */
  withdrawApplication(applicationId: string, signal?: AbortSignal): Promise<BackofficeResult<ApplicationWithdrawn>> {
    return this.call('POST', `/v1/applications/${encodeURIComponent(applicationId)}/withdraw`, { reason: 'cancelled-by-resident' }, ApplicationWithdrawn, {
      signal,
      idempotencyKey: applicationId,
    });
  }

  createGovPay(reference: string, amountAvos: number, description: string, signal?: AbortSignal): Promise<BackofficeResult<GovPayPayment>> {
    return this.call('POST', '/v1/govpay/payments', { reference, amountAvos, description }, GovPayPayment, { signal, idempotencyKey: reference });
  }

  govPay(reference: string, signal?: AbortSignal): Promise<BackofficeResult<GovPayPayment>> {
    return this.call('GET', `/v1/govpay/payments/${encodeURIComponent(reference)}`, undefined, GovPayPayment, { signal });
  }

  cancelGovPay(reference: string, signal?: AbortSignal): Promise<BackofficeResult<GovPayPayment>> {
    return this.call('POST', `/v1/govpay/payments/${encodeURIComponent(reference)}/cancel`, {}, GovPayPayment, { signal });
  }

  refundGovPay(reference: string, signal?: AbortSignal): Promise<BackofficeResult<GovPayPayment>> {
    return this.call('POST', `/v1/govpay/payments/${encodeURIComponent(reference)}/refund`, {}, GovPayPayment, { signal });
  }

  /** The application behind a receipt number: status, counter, applicant; refused `receipt-not-found`. */
  collection(receiptNumber: string, signal?: AbortSignal): Promise<BackofficeResult<Collection>> {
    return this.call('GET', `/v1/applications/${encodeURIComponent(receiptNumber)}`, undefined, Collection, { signal });
  }

  ticket(request: z.input<typeof TicketRequest>, signal?: AbortSignal): Promise<BackofficeResult<z.infer<typeof Ticket>>> {
    return this.call('POST', '/v1/queue/tickets', request, Ticket, { signal });
  }

  private async call<T extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    schema: T,
    options: { signal?: AbortSignal | undefined; idempotencyKey?: string },
  ): Promise<BackofficeResult<z.output<T>>> {
    const deadline = AbortSignal.timeout(this.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(this.base + path, {
        method,
        headers,
        signal,
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      text = await response.text();
    } catch {
      // The error's text may echo the request; keep only its class.
      return { ok: false, error: deadline.aborted ? { kind: 'timeout', code: 'timeout' } : { kind: 'unreachable', code: 'unreachable' } };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, error: { kind: response.status >= 500 ? 'server' : 'invalid-response', code: `http-${response.status}` } };
    }
    if (!response.ok) {
      const problem = Problem.safeParse(json);
      const code = problem.success ? problem.data.code : `http-${response.status}`;
      if (response.status >= 500 || response.status === 408 || response.status === 429) return { ok: false, error: { kind: 'server', code } };
      return { ok: false, error: { kind: 'refused', code, status: response.status } };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return { ok: false, error: { kind: 'invalid-response', code: 'invalid-response' } };
    return { ok: true, value: parsed.data };
  }
}
