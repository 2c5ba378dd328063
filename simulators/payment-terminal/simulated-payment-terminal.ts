import type { DeviceStatus } from '../../devices/contract.js';
import {
  isPaymentReference,
  PAYMENT_REFERENCE_MAX_LENGTH,
  type PaymentReference,
  type PaymentPrompt,
  type PaymentTerminal,
  type PaymentTerminalCapabilities,
  type PaymentTerminalEvents,
  type SaleOutcome,
  type SaleRequest,
  type Tender,
  type TransactionState,
} from '../../devices/payment-terminal/contract.js';
import {
  type BaseSimulatorControl,
  type BaseSimulatorState,
  type OperationContext,
  SimulatedDevice,
  type SimulatorOptions,
} from '../shared/simulated-device.js';

/**
 * What the next sale does. `timeout`: the terminal never answers and charges nothing (enquire says
 * `cancelled`). `lose-response`: the card is charged but the answer is lost, so `sale` resolves
 * `timed-out` and only `enquire` tells the truth (`approved`).
 */
export interface PlannedOutcome {
  outcome: 'approve' | 'decline' | 'timeout' | 'lose-response';
  /** For `decline`; defaults to `insufficient-funds`. */
  reason?: string;
  /** For an approved Macau Pass sale: the stored-value balance after it. */
  balanceAvos?: number;
}

/** When nothing is queued: approve after the human-like delay, or wait until a tester queues one. */
export type PaymentDefault = 'approve' | 'wait';

export interface PaymentTerminalOptions extends SimulatorOptions {
  paymentDefault?: PaymentDefault;
}

export interface TransactionRecord {
  reference: string;
  amountAvos: number;
  tender: Tender;
  state: Exclude<TransactionState, 'not-found'>;
  authCode?: string;
  /** What the planned outcome was, so a tester can tell a lost answer from a real time-out. */
  planned?: PlannedOutcome['outcome'];
  at: number;
}

export interface PaymentTerminalControl extends BaseSimulatorControl {
  queueOutcome(outcome: PlannedOutcome): void;
  clearQueue(): void;
  setDefault(mode: PaymentDefault): void;
  /** Every sale that charged a card (voided ones included, with state `voided`). */
  sales(): TransactionRecord[];
  /** Every transaction the terminal has seen, by reference. */
  transactions(): TransactionRecord[];
  state(): PaymentTerminalSimState;
}

export interface PaymentTerminalSimState extends BaseSimulatorState {
  default: PaymentDefault;
  queue: PlannedOutcome[];
  transactions: TransactionRecord[];
}

const DEFAULT_DECLINE_REASON = 'insufficient-funds';
const DEFAULT_BALANCE_AVOS = 12_350;

export class SimulatedPaymentTerminal
  extends SimulatedDevice<PaymentTerminalEvents, PaymentTerminalCapabilities>
  implements PaymentTerminal
{
  readonly control: PaymentTerminalControl;
  private readonly queue: PlannedOutcome[] = [];
  private readonly records = new Map<string, TransactionRecord>();
  private mode: PaymentDefault;
  private nextAuth = 104_211;

  constructor(options: PaymentTerminalOptions = {}) {
    super('payment-terminal', options);
    this.mode = options.paymentDefault ?? 'approve';
    this.control = {
      ...this.baseControl(),
      queueOutcome: (planned) => {
        this.queue.push({ ...planned });
        this.stateChanged();
      },
      clearQueue: () => {
        this.queue.length = 0;
      },
      setDefault: (mode) => {
        this.mode = mode;
        this.stateChanged();
      },
      sales: () => this.list().filter((r) => r.state === 'approved' || r.state === 'voided'),
      transactions: () => this.list(),
      state: () => ({
        ...this.baseState(),
        default: this.mode,
        queue: this.queue.map((q) => ({ ...q })),
        transactions: this.list(),
      }),
    };
  }

  capabilities(): PaymentTerminalCapabilities {
    return { tenders: ['unionpay-quickpass', 'macau-pass'], canVoid: true };
  }

  protected openStatus(): DeviceStatus {
    return { state: 'online' };
  }

  /**
   * Waits for the card (the resident's delay; or for a tester's outcome in `wait` mode), during
   * which the caller may abort: the sale is then `cancelled`. Once the card is read the charge is
   * decided and recorded at once, so an unplug during processing leaves the truth for `enquire`.
   */
  sale(request: SaleRequest, signal?: AbortSignal): Promise<SaleOutcome> {
    const { reference } = request;
    return this.operation(
      'sale',
      signal,
      async (ctx) => {
        this.validate(request);
        const record: TransactionRecord = {
          reference,
          amountAvos: request.amountAvos,
          tender: request.tender,
          state: 'in-progress',
          at: Date.now(),
        };
        this.records.set(reference, record);
        this.stateChanged();
        try {
          return await this.charge(record, ctx, signal);
        } finally {
          // Unplugged or closed while waiting for the card: the terminal gives up on its own.
          if (record.state === 'in-progress') record.state = 'cancelled';
        }
      },
      { exclusive: true, callerAbort: 'observe' },
    );
  }

  /** The sale after validation: wait for the card (abortable), then charge (not abortable). */
  private async charge(
    record: TransactionRecord,
    ctx: OperationContext,
    signal: AbortSignal | undefined,
  ): Promise<SaleOutcome> {
    const { reference } = record;
    const cancelRequested = (): boolean => signal?.aborted === true;
    const wake = (): void => this.stateChanged();
    signal?.addEventListener('abort', wake, { once: true });
    try {
      this.prompt('present-card', reference);
      await ctx.until(cancelRequested, this.delayMs); // the resident reaching for the card
      await ctx.until(() => cancelRequested() || this.queue.length > 0 || this.mode === 'approve');
    } finally {
      signal?.removeEventListener('abort', wake);
    }
    if (cancelRequested()) {
      record.state = 'cancelled';
      this.stateChanged();
      return { outcome: 'cancelled', reference };
    }

    // From here the card is being charged: aborting no longer stops it.
    const planned = this.queue.shift() ?? { outcome: 'approve' };
    record.planned = planned.outcome;
    this.prompt('processing', reference);
    const outcome = this.settle(record, planned);
    this.stateChanged();
    // No answer takes longer than an answer: the host waits for its own link time-out.
    const lost = planned.outcome === 'timeout' || planned.outcome === 'lose-response';
    await ctx.sleep(lost ? this.delayMs * 3 : this.delayMs);
    if (outcome.outcome === 'approved') this.prompt('remove-card', reference);
    return outcome;
  }

  void(reference: PaymentReference, signal?: AbortSignal): Promise<{ state: TransactionState }> {
    return this.operation('void', signal, async (ctx) => {
      this.checkReference(reference);
      await ctx.sleep(this.delayMs / 2);
      const record = this.records.get(reference);
      if (!record) return { state: 'not-found' };
      if (record.state !== 'approved') return { state: record.state };
      record.state = 'voided';
      this.stateChanged();
      return { state: 'voided' };
    });
  }

  enquire(reference: PaymentReference, signal?: AbortSignal): Promise<{ state: TransactionState; authCode?: string }> {
    return this.operation('enquire', signal, async (ctx) => {
      this.checkReference(reference);
      await ctx.sleep(this.delayMs / 2);
      const record = this.records.get(reference);
      if (!record) return { state: 'not-found' };
      return record.authCode !== undefined ? { state: record.state, authCode: record.authCode } : { state: record.state };
    });
  }

  /** Decides the transaction's truth and the answer `sale` gives (which may differ: a lost answer). */
  private settle(record: TransactionRecord, planned: PlannedOutcome): SaleOutcome {
    const { reference } = record;
    switch (planned.outcome) {
      case 'approve':
      case 'lose-response': {
        record.state = 'approved';
        record.authCode = String(this.nextAuth++).padStart(6, '0');
        if (planned.outcome === 'lose-response') return { outcome: 'timed-out', reference };
        const approved: Extract<SaleOutcome, { outcome: 'approved' }> = {
          outcome: 'approved', reference, authCode: record.authCode, cardLast4: '4321' };
        if (record.tender === 'macau-pass') approved.balanceAvos = planned.balanceAvos ?? DEFAULT_BALANCE_AVOS;
        return approved;
      }
      case 'decline':
        record.state = 'declined';
        return { outcome: 'declined', reference, reason: planned.reason ?? DEFAULT_DECLINE_REASON };
      case 'timeout':
        record.state = 'cancelled'; // the terminal gave up without charging
        return { outcome: 'timed-out', reference };
    }
  }

  /** A request the real terminal would refuse outright: a protocol error, before any charge. */
  private validate(request: SaleRequest): void {
    if (!Number.isSafeInteger(request.amountAvos) || request.amountAvos <= 0) {
      throw this.error('protocol', `amount must be a positive whole number of avos, got ${request.amountAvos}`, 'invalid-amount');
    }
    if (request.currency !== 'MOP') throw this.error('protocol', `currency ${String(request.currency)} is not accepted`, 'invalid-currency');
    if (!this.capabilities().tenders.includes(request.tender)) {
      throw this.error('protocol', `tender ${String(request.tender)} is not accepted`, 'invalid-tender');
    }
    this.checkReference(request.reference);
    // References are unique per attempt: re-using one would risk a second charge.
    if (this.records.has(request.reference)) {
      throw this.error('protocol', `reference ${request.reference} was already used`, 'duplicate-reference');
    }
  }

  /** The serial terminal's limit (the contract's PaymentReference): never a sale here that a real terminal refuses. */
  private checkReference(reference: unknown): void {
    if (!isPaymentReference(reference)) {
      throw this.error('protocol', `a reference is 1–${PAYMENT_REFERENCE_MAX_LENGTH} letters, digits or . _ : -`, 'invalid-reference');
    }
  }

  private list(): TransactionRecord[] {
    return [...this.records.values()].map((r) => ({ ...r }));
  }

  private prompt(prompt: PaymentPrompt, reference: string): void {
    this.events.emit('prompt', { prompt, reference });
  }
}
