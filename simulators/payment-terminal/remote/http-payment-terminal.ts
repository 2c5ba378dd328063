import type { DeviceInfo, DeviceStatus, SelfTestResult } from '../../../devices/contract.js';
import { DeviceError, type DeviceErrorCode, DEVICE_ERROR_CODES } from '../../../devices/errors.js';
import { TypedEmitter } from '../../../devices/events.js';
import type {
  PaymentTerminal,
  PaymentTerminalCapabilities,
  PaymentTerminalEvents,
  SaleOutcome,
  SaleRequest,
  TransactionState,
} from '../../../devices/payment-terminal/contract.js';
import type { z } from 'zod';
import { DeviceErrorWire, EnquiryWire, SaleOutcomeWire, StatusWire, VoidWire } from './protocol.js';

/**
 * A PaymentTerminal whose simulated terminal runs in another process (terminal-service.ts), so its
 * ledger survives the host being killed. Implements the device contract: a sale whose answer does
 * not arrive resolves `timed-out` (resolve it with `enquire`, never by charging again).
 */
export class HttpPaymentTerminal implements PaymentTerminal {
  readonly kind = 'payment-terminal' as const;
  private readonly events = new TypedEmitter<PaymentTerminalEvents>();
  private current: DeviceStatus = { state: 'offline', detail: 'not-opened' };

  constructor(private readonly baseUrl: string, private readonly options: { saleTimeoutMs?: number; requestTimeoutMs?: number } = {}) {}

  info(): DeviceInfo {
    return { kind: 'payment-terminal', model: 'Simulator', vendor: 'DSI kiosk (remote)' };
  }

  capabilities(): PaymentTerminalCapabilities {
    return { tenders: ['unionpay-quickpass', 'macau-pass'], canVoid: true };
  }

  async open(signal?: AbortSignal): Promise<void> {
    const status = await this.request('GET', '/status', undefined, StatusWire, signal);
    this.setStatus(status);
  }

  async close(): Promise<void> {
    this.setStatus({ state: 'offline', detail: 'closed' });
  }

  status(): DeviceStatus {
    return this.current;
  }

  async selfTest(signal?: AbortSignal): Promise<SelfTestResult> {
    const status = await this.request('GET', '/status', undefined, StatusWire, signal);
    return { passed: status.state === 'online', checks: [{ name: 'link', passed: true }] };
  }

  on<K extends keyof PaymentTerminalEvents>(event: K, listener: (payload: PaymentTerminalEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  async sale(request: SaleRequest, signal?: AbortSignal): Promise<SaleOutcome> {
    const abort = (): void => void this.post('/abort', { reference: request.reference }).catch(() => {});
    signal?.addEventListener('abort', abort, { once: true });
    try {
      // The caller's signal asks the terminal to abort; it does not cut the link (the answer still counts).
      return (await this.request('POST', '/sale', request, SaleOutcomeWire, undefined, this.options.saleTimeoutMs ?? 120_000)) as SaleOutcome;
    } catch (error) {
      if (error instanceof DeviceError && error.code === 'protocol') throw error; // refused before any charge
      return { outcome: 'timed-out', reference: request.reference };
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  }

  async void(reference: string, signal?: AbortSignal): Promise<{ state: TransactionState }> {
    return this.request('POST', '/void', { reference }, VoidWire, signal);
  }

  async enquire(reference: string, signal?: AbortSignal): Promise<{ state: TransactionState; authCode?: string }> {
    const answer = await this.request('POST', '/enquire', { reference }, EnquiryWire, signal);
    return answer.authCode !== undefined ? { state: answer.state, authCode: answer.authCode } : { state: answer.state };
  }

  private post(path: string, body: unknown): Promise<unknown> {
    return fetch(this.baseUrl + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  private async request<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    schema: S,
    signal?: AbortSignal,
    timeoutMs = this.options.requestTimeoutMs ?? 10_000,
  ): Promise<z.output<S>> {
    const deadline = AbortSignal.timeout(timeoutMs);
    let response: Response;
    let json: unknown;
    try {
      response = await fetch(this.baseUrl + path, {
        method,
        headers: { 'content-type': 'application/json' },
        signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      json = await response.json();
    } catch {
      if (signal?.aborted) throw new DeviceError('payment-terminal', 'cancelled', `${path} was cancelled`);
      this.setStatus({ state: 'offline', detail: 'unreachable' });
      throw new DeviceError('payment-terminal', deadline.aborted ? 'timeout' : 'not-connected', `terminal link: ${path} failed`);
    }
    if (!response.ok) {
      const problem = DeviceErrorWire.safeParse(json);
      const code = problem.success && (DEVICE_ERROR_CODES as readonly string[]).includes(problem.data.error.code) ? (problem.data.error.code as DeviceErrorCode) : 'protocol';
      throw new DeviceError('payment-terminal', code, problem.success ? problem.data.error.message : `HTTP ${response.status}`, problem.success ? problem.data.error.detail : undefined);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new DeviceError('payment-terminal', 'protocol', `terminal link: unexpected answer to ${path}`);
    if (this.current.state !== 'online') this.setStatus({ state: 'online' });
    return parsed.data;
  }

  private setStatus(status: DeviceStatus): void {
    if (status.state === this.current.state && status.detail === this.current.detail) return;
    this.current = status.detail !== undefined ? { state: status.state, detail: status.detail } : { state: status.state };
    this.events.emit('status', this.current);
  }
}
