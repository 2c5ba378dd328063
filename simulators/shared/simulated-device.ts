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
import { type OperationContext, OperationKernel, type RunOptions } from '../../devices/operations/kernel.js';

export interface SimulatorOptions {
  /** Human-like delay of each step (reading a card, placing a finger, printing). 0 in unit tests. */
  delayMs?: number;
  /** Extra latency before every operation and `open`, like a slow link. Changeable at run time. */
  latencyMs?: number;
}

/** What every simulator's control object offers (tests, CLI and panel share it, so a tester and a test drive a device the same way). */
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
export type { OperationContext };

type OperationOptions = Pick<RunOptions, 'exclusive' | 'callerAbort' | 'tag'>;

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
  private readonly kernel: OperationKernel;

  protected constructor(
    readonly kind: DeviceKind,
    options: SimulatorOptions = {},
  ) {
    this.delayMs = nonNegative(options.delayMs ?? 0, 'delayMs');
    this.latencyMs = nonNegative(options.latencyMs ?? 0, 'latencyMs');
    this.kernel = new OperationKernel(kind);
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
    return { kind: this.kind, model: 'Simulator', vendor: 'DSI kiosk simulators', firmware: 'sim-1', serial: `SIM-${this.kind}` };
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
    await this.kernel.run('open', signal, (ctx) => ctx.sleep(this.latencyMs));
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
    this.kernel.wake();
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
    this.kernel.failTagged(tag, error);
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
    if (callerSignal?.aborted && options.callerAbort !== 'observe') throw cancelledError(this.kind, name);
    if (!this.opened) {
      throw this.connected
        ? this.notConnected(`${name}: the device is not open`, 'closed')
        : this.notConnected(`${name}: the device is not connected`, 'unplugged');
    }
    return this.kernel.run(
      name,
      callerSignal,
      async (ctx) => {
        await ctx.sleep(this.latencyMs);
        return body(ctx);
      },
      options,
    );
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
      operations: this.kernel.names(),
    };
  }

  private abortAll(error: DeviceError): void {
    this.kernel.failAll(error);
  }
}

export function nonNegative(value: number, name: string): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  return value;
}
