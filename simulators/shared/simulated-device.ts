import type {
  BaseDeviceEvents,
  Device,
  DeviceInfo,
  DeviceStatus,
  SelfTestResult,
} from '../../devices/contract.js';
import { cancelledError, DeviceError, type DeviceErrorCode } from '../../devices/errors.js';
import { TypedEmitter } from '../../devices/events.js';
import type { DeviceKind } from '../../devices/kinds.js';

export interface SimulatorOptions {
  /** Human-like delay of each step (reading a card, placing a finger, printing). 0 in unit tests. */
  delayMs?: number;
  /** Extra latency before every operation and `open`, like a slow link. Changeable at run time. */
  latencyMs?: number;
}

/** What every simulator's control object offers (tests, CLI and panel share it: style rule 10). */
export interface BaseSimulatorControl {
  /** Unplugs the device: operations in flight reject `not-connected`, and so does `open` until `reconnect`. */
  disconnect(): void;
  /** Plugs the device back in. It stays closed until the host opens it again. */
  reconnect(): void;
  setLatencyMs(ms: number): void;
  /** A hardware fault (status `degraded` with this detail, failing self-test); `null` clears it. */
  setFault(detail: string | null): void;
}

export interface BaseSimulatorState {
  connected: boolean;
  open: boolean;
  status: DeviceStatus;
  latencyMs: number;
  fault: string | null;
  operations: string[];
}

/** Handed to an operation's body: every wait goes through it, so abort and unplug stop it. */
export interface OperationContext {
  /** Fires when the operation must stop; the reason is the DeviceError it rejects with. */
  readonly signal: AbortSignal;
  /** Waits `ms`; rejects with the operation's abort reason. */
  sleep(ms: number): Promise<void>;
  /**
   * Waits until `ready()` holds, re-checked whenever the simulator's state changes. Resolves true,
   * or false once `timeoutMs` passed without it; rejects with the operation's abort reason.
   */
  until(ready: () => boolean, timeoutMs?: number): Promise<boolean>;
  /** Fails the operation with `error` after `ms`, unless the returned function is called first. */
  deadline(ms: number, error: () => DeviceError): () => void;
}

interface OperationOptions {
  /** Exclusive operations reject `busy` while another exclusive one runs. */
  exclusive?: boolean;
  /**
   * `reject` (default): the caller's abort rejects `cancelled`. `observe`: the body reads the
   * caller's signal itself, for contracts where cancelling is an outcome (the payment terminal).
   */
  callerAbort?: 'reject' | 'observe';
  /** Lets a simulator fail a group of operations at once, e.g. every read when the card leaves. */
  tag?: string;
}

interface RunningOperation {
  name: string;
  tag: string | undefined;
  controller: AbortController;
}

/**
 * The common part of every simulator: presence and open state, status events on change only,
 * latency, and operations that honour their AbortSignal and reject `not-connected` when the
 * device is unplugged or closed under them. The simulated devices use no Node built-ins.
 */
export abstract class SimulatedDevice<Events extends BaseDeviceEvents, Capabilities>
  implements Device<Events, Capabilities>
{
  protected readonly events = new TypedEmitter<Events>();
  protected readonly delayMs: number;
  private latencyMs: number;
  private connected = true;
  private opened = false;
  private fault: string | null = null;
  private lastStatus: DeviceStatus;
  private readonly running = new Set<RunningOperation>();
  private exclusive: RunningOperation | undefined;
  private readonly waiters = new Set<() => void>();

  protected constructor(
    readonly kind: DeviceKind,
    options: SimulatorOptions = {},
  ) {
    this.delayMs = nonNegative(options.delayMs ?? 0, 'delayMs');
    this.latencyMs = nonNegative(options.latencyMs ?? 0, 'latencyMs');
    this.lastStatus = this.status();
  }

  /** The status while open and healthy; subclasses report paper, camera reports and so on. */
  protected abstract openStatus(): DeviceStatus;
  abstract capabilities(): Capabilities;
  /** Class-specific self-test checks, run on an open device. */
  protected selfTestChecks(): SelfTestResult['checks'] {
    return [];
  }

  info(): DeviceInfo {
    return { kind: this.kind, model: 'Simulator', vendor: 'DSI kiosk simulators', firmware: 'sim-1' };
  }

  on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  status(): DeviceStatus {
    if (!this.connected) return { state: 'offline', detail: 'unplugged' };
    if (!this.opened) return { state: 'offline', detail: 'closed' };
    if (this.fault !== null) return { state: 'degraded', detail: this.fault };
    return this.openStatus();
  }

  async open(signal?: AbortSignal): Promise<void> {
    if (this.opened) return;
    if (signal?.aborted) throw cancelledError(this.kind, 'open');
    await abortableSleep(this.latencyMs, signal, () => cancelledError(this.kind, 'open'));
    if (!this.connected) throw this.notConnected('the device is not connected', 'unplugged');
    if (this.opened) return;
    this.opened = true;
    this.stateChanged();
  }

  async close(): Promise<void> {
    if (!this.opened) return;
    this.opened = false;
    this.abortAll(this.notConnected('the device was closed', 'closed'));
    this.onReleased();
    this.stateChanged();
  }

  selfTest(signal?: AbortSignal): Promise<SelfTestResult> {
    // Not exclusive: the contract lets self-test fail only with not-connected or cancelled.
    return this.operation('selfTest', signal, async (ctx) => {
      await ctx.sleep(this.delayMs);
      const checks: SelfTestResult['checks'] = [
        { name: 'link', passed: true },
        this.fault === null ? { name: 'hardware', passed: true } : { name: 'hardware', passed: false, detail: this.fault },
        ...this.selfTestChecks(),
      ];
      return { passed: checks.every((check) => check.passed), checks };
    });
  }

  /** Recomputes status (emitting only on change) and wakes every `until` waiting on state. */
  protected stateChanged(): void {
    const next = this.status();
    if (next.state !== this.lastStatus.state || next.detail !== this.lastStatus.detail) {
      this.lastStatus = next;
      this.events.emit('status', next as Events['status']);
    }
    for (const waiter of [...this.waiters]) waiter();
  }

  protected isOpen(): boolean {
    return this.opened;
  }

  protected error(code: DeviceErrorCode, message: string, detail?: string): DeviceError {
    return new DeviceError(this.kind, code, message, detail);
  }

  protected notConnected(message: string, detail: string): DeviceError {
    return this.error('not-connected', message, detail);
  }

  /** Fails every running operation carrying `tag` (e.g. reads of a card that just left). */
  protected abortTagged(tag: string, error: DeviceError): void {
    for (const op of this.running) if (op.tag === tag) op.controller.abort(error);
  }

  /**
   * Runs one operation: checks it may start (open, not busy, not aborted), applies the injected
   * latency, and rejects as soon as it is aborted, the device goes away or a deadline passes, even
   * when the body is still waiting.
   */
  protected async operation<T>(
    name: string,
    callerSignal: AbortSignal | undefined,
    body: (ctx: OperationContext) => Promise<T>,
    options: OperationOptions = {},
  ): Promise<T> {
    const observeAbort = options.callerAbort === 'observe';
    if (callerSignal?.aborted && !observeAbort) throw cancelledError(this.kind, name);
    if (!this.opened) {
      throw this.connected
        ? this.notConnected(`${name}: the device is not open`, 'closed')
        : this.notConnected(`${name}: the device is not connected`, 'unplugged');
    }
    if (options.exclusive && this.exclusive) {
      throw this.error('busy', `${name}: ${this.exclusive.name} is still in progress`, this.exclusive.name);
    }

    const op: RunningOperation = { name, tag: options.tag, controller: new AbortController() };
    const { signal } = op.controller;
    this.running.add(op);
    if (options.exclusive) this.exclusive = op;
    const onCallerAbort = (): void => op.controller.abort(cancelledError(this.kind, name));
    if (!observeAbort) callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    const timers = new Set<ReturnType<typeof setTimeout>>();

    const aborted = new Promise<never>((_, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    aborted.catch(() => undefined); // observed through the race below

    const ctx: OperationContext = {
      signal,
      sleep: (ms) => abortableSleep(ms, signal, () => signal.reason as DeviceError),
      until: (ready, timeoutMs) => this.until(signal, ready, timeoutMs),
      deadline: (ms, error) => {
        const timer = setTimeout(() => op.controller.abort(error()), ms);
        timers.add(timer);
        return () => {
          clearTimeout(timer);
          timers.delete(timer);
        };
      },
    };

    try {
      await ctx.sleep(this.latencyMs);
      const result = body(ctx);
      result.catch(() => undefined); // if the abort wins the race, the body's own rejection is moot
      return await Promise.race([result, aborted]);
    } finally {
      for (const timer of timers) clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
      this.running.delete(op);
      if (this.exclusive === op) this.exclusive = undefined;
      // Wake waiters so an operation queued behind this one (or a tester's view) sees the change.
      for (const waiter of [...this.waiters]) waiter();
    }
  }

  /** The control surface every simulator shares; subclasses spread it into their own control. */
  protected baseControl(): BaseSimulatorControl {
    return {
      disconnect: () => {
        if (!this.connected) return;
        this.connected = false;
        this.opened = false;
        this.abortAll(this.notConnected('the device was unplugged', 'unplugged'));
        this.onReleased();
        this.stateChanged();
      },
      reconnect: () => {
        if (this.connected) return;
        this.connected = true;
        this.stateChanged();
      },
      setLatencyMs: (ms) => {
        this.latencyMs = nonNegative(ms, 'latencyMs');
      },
      setFault: (detail) => {
        this.fault = detail;
        this.stateChanged();
      },
    };
  }

  /** Hook for state that does not survive closing or unplugging (e.g. a verified PIN). */
  protected onReleased(): void {}

  protected baseState(): BaseSimulatorState {
    return {
      connected: this.connected,
      open: this.opened,
      status: this.status(),
      latencyMs: this.latencyMs,
      fault: this.fault,
      operations: [...this.running].map((op) => op.name),
    };
  }

  private abortAll(error: DeviceError): void {
    for (const op of this.running) op.controller.abort(error);
  }

  private until(signal: AbortSignal, ready: () => boolean, timeoutMs?: number): Promise<boolean> {
    if (signal.aborted) return Promise.reject(signal.reason as DeviceError);
    if (ready()) return Promise.resolve(true);
    return new Promise<boolean>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (): void => {
        this.waiters.delete(check);
        signal.removeEventListener('abort', onAbort);
        if (timer !== undefined) clearTimeout(timer);
      };
      const check = (): void => {
        if (!ready()) return;
        finish();
        resolve(true);
      };
      const onAbort = (): void => {
        finish();
        reject(signal.reason as DeviceError);
      };
      this.waiters.add(check);
      signal.addEventListener('abort', onAbort, { once: true });
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          finish();
          resolve(false);
        }, timeoutMs);
      }
    });
  }
}

/** Sleeps `ms` (at once when 0 or less), rejecting with `reason()` when the signal fires. */
export function abortableSleep(ms: number, signal: AbortSignal | undefined, reason: () => unknown): Promise<void> {
  if (signal?.aborted) return Promise.reject(reason());
  if (ms <= 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(reason());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function nonNegative(value: number, name: string): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  return value;
}
