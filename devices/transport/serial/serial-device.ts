import type {
  BaseDeviceEvents,
  Device,
  DeviceInfo,
  DeviceStatus,
  SelfTestResult,
} from '../../contract.js';
import { cancelledError, DeviceError, type DeviceErrorCode, isDeviceError } from '../../errors.js';
import { TypedEmitter } from '../../events.js';
import type { DeviceKind } from '../../kinds.js';
import { type OperationContext, OperationKernel, type RunOptions } from '../../operations/kernel.js';
import { childController } from './abortable.js';
import { type OpenSerialLink, openSerialPort, type SerialLink, SerialLinkError } from './serial-link.js';

/** What every serial driver is configured with (validated by the host's config schema). */
export interface SerialDeviceOptions {
  path: string;
  baudRate: number;
  /**
   * Time between two probes of an open line. A pty or a USB adapter whose far end vanished is only
   * noticed when we write, and a powered-off device only when it stops answering, so we ask.
   */
  heartbeatMs: number;
  /** How long the open handshake and each probe may wait for the device's answer. */
  answerTimeoutMs: number;
  /** The transport; `serialport` unless a test injects another. */
  openLink?: OpenSerialLink;
}

/** Why a serial device is offline: never opened / closed by us, line gone, or device silent. */
export type OfflineDetail = 'closed' | 'unplugged' | 'no-answer';

type OperationOptions = Pick<RunOptions, 'exclusive' | 'callerAbort'>;

/**
 * The lifecycle every serial driver shares: open = open the line + a protocol handshake; status
 * events on change only; a heartbeat that notices an unplugged or silent device and closes the line
 * (status `offline`, operations in flight reject `not-connected`) so the DeviceHub's reconnect
 * opens it again; operations that honour their AbortSignal. Subclasses bring the protocol.
 */
export abstract class SerialDevice<Events extends BaseDeviceEvents, Capabilities>
  implements Device<Events, Capabilities>
{
  protected readonly events = new TypedEmitter<Events>();
  protected readonly options: Required<SerialDeviceOptions>;
  private link: SerialLink | undefined;
  /** Aborted (with a not-connected DeviceError) when the line goes away or is closed. */
  private session: AbortController | undefined;
  private phase: 'closed' | 'opening' | 'open' = 'closed';
  private offline: OfflineDetail = 'closed';
  private opening: Promise<void> | undefined;
  private lastStatus: DeviceStatus;
  private readonly kernel: OperationKernel;
  private heartbeat: ReturnType<typeof setTimeout> | undefined;
  private probing = false;
  private releasing: Promise<void> | undefined;
  protected reported: Partial<Pick<DeviceInfo, 'model' | 'vendor' | 'firmware'>> = {};

  protected constructor(
    readonly kind: DeviceKind,
    options: SerialDeviceOptions,
  ) {
    this.options = { openLink: openSerialPort, ...options };
    this.kernel = new OperationKernel(kind);
    this.lastStatus = this.status();
  }

  abstract capabilities(): Capabilities;
  /** Bytes from the line, in arrival order, split anywhere. */
  protected abstract receive(chunk: Uint8Array): void;
  /** Proves the device is there and speaks our protocol; rejects with the signal's reason. */
  protected abstract handshake(signal: AbortSignal): Promise<void>;
  /** A cheap question asked every `heartbeatMs`; by default the handshake again. */
  protected probe(signal: AbortSignal): Promise<void> {
    return this.handshake(signal);
  }
  /**
   * Bytes the protocol lets us send at any time, harmlessly (e.g. NUL between frames). Written on
   * a heartbeat tick while the previous probe still waits for its answer, so a line that died
   * under a slow answer is noticed at once rather than after `answerTimeoutMs`.
   */
  protected keepAlive(): Uint8Array | undefined {
    return undefined;
  }
  /** Class-specific self-test checks, run on an open device. */
  protected abstract selfTestChecks(signal: AbortSignal): Promise<SelfTestResult['checks']>;
  /** The status while open; the printer reports its paper here. */
  protected openStatus(): DeviceStatus {
    return { state: 'online' };
  }
  /** Forget protocol state (decoders, pending answers) when the line closes. */
  protected onLinkClosed(): void {}

  info(): DeviceInfo {
    return {
      kind: this.kind,
      model: this.reported.model ?? 'Serial device',
      vendor: this.reported.vendor ?? 'unknown',
      ...(this.reported.firmware !== undefined ? { firmware: this.reported.firmware } : {}),
    };
  }

  on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  status(): DeviceStatus {
    if (this.phase !== 'open') return { state: 'offline', detail: this.offline };
    return this.openStatus();
  }

  open(signal?: AbortSignal): Promise<void> {
    if (this.phase === 'open') return Promise.resolve();
    if (signal?.aborted) return Promise.reject(cancelledError(this.kind, 'open'));
    this.opening ??= this.doOpen(signal).finally(() => {
      this.opening = undefined;
    });
    return this.opening;
  }

  async close(): Promise<void> {
    await this.release('closed');
  }

  selfTest(signal?: AbortSignal): Promise<SelfTestResult> {
    // Not exclusive: the contract lets self-test fail only with not-connected or cancelled.
    return this.operation('selfTest', signal, async (ctx) => {
      const checks: SelfTestResult['checks'] = [{ name: 'link', passed: true }, ...(await this.selfTestChecks(ctx.signal))];
      return { passed: checks.every((check) => check.passed), checks };
    });
  }

  /** Recomputes status and emits it if `state` or `detail` changed. */
  protected stateChanged(): void {
    const next = this.status();
    if (next.state !== this.lastStatus.state || next.detail !== this.lastStatus.detail) {
      this.lastStatus = next;
      this.events.emit('status', next as Events['status']);
    }
  }

  protected error(code: DeviceErrorCode, message: string, detail?: string): DeviceError {
    return new DeviceError(this.kind, code, message, detail);
  }

  /** Writes to the line; a dead line rejects `not-connected` and takes the device offline. */
  protected async send(bytes: Uint8Array, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    const link = this.link;
    if (!link) throw this.error('not-connected', `${this.kind}: the line is not open`, this.offline);
    try {
      await link.write(bytes);
    } catch (error) {
      if (this.link === link) await this.release('unplugged');
      throw this.error('not-connected', `${this.kind}: ${(error as Error).message}`, 'unplugged');
    }
  }

  /** The session's signal: fires when the line closes; for protocol state that outlives one call. */
  protected sessionSignal(): AbortSignal | undefined {
    return this.session?.signal;
  }

  /**
   * Runs one operation on the open device: checks it may start (open, not busy, not aborted) and
   * rejects as soon as the caller aborts (`cancelled`) or the line goes away (`not-connected`).
   */
  protected async operation<T>(
    name: string,
    callerSignal: AbortSignal | undefined,
    body: (ctx: OperationContext) => Promise<T>,
    options: OperationOptions = {},
  ): Promise<T> {
    if (callerSignal?.aborted && options.callerAbort !== 'observe') throw cancelledError(this.kind, name);
    const session = this.session;
    if (this.phase !== 'open' || !session) {
      throw this.error('not-connected', `${name}: the device is not open`, this.offline);
    }
    // The line's session ends every operation with `not-connected` when the line goes away.
    return this.kernel.run(name, callerSignal, body, { ...options, parent: session.signal });
  }

  private async doOpen(signal: AbortSignal | undefined): Promise<void> {
    if (this.releasing) await this.releasing; // the old descriptor must be gone (serialport locks it)
    let link: SerialLink;
    try {
      link = await this.options.openLink({ path: this.options.path, baudRate: this.options.baudRate }, signal);
    } catch (error) {
      if (error instanceof SerialLinkError && error.code === 'cancelled') throw cancelledError(this.kind, 'open');
      this.offline = 'unplugged';
      this.stateChanged();
      const errno = error instanceof SerialLinkError ? error.errno : undefined;
      throw new DeviceError(this.kind, 'not-connected', `${this.kind}: ${(error as Error).message}`, 'unplugged', {
        path: this.options.path,
        ...(errno ? { errno } : {}),
      });
    }
    const session = new AbortController();
    this.link = link;
    this.session = session;
    this.phase = 'opening';
    link.onData((chunk) => {
      if (this.link === link) this.receive(chunk);
    });
    link.onClose((reason) => {
      if (this.link === link) void this.release(reason === 'closed' ? 'closed' : 'unplugged');
    });

    const { controller, dispose } = childController(session.signal);
    const onCallerAbort = (): void => controller.abort(cancelledError(this.kind, 'open'));
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    const timer = setTimeout(
      () => controller.abort(this.error('not-connected', `${this.kind}: no answer to the handshake`, 'no-answer')),
      this.options.answerTimeoutMs,
    );
    try {
      await this.handshake(controller.signal);
    } catch (error) {
      const failure = isDeviceError(error) ? error : this.error('protocol', `${this.kind}: handshake failed: ${String(error)}`, 'handshake');
      const detail: OfflineDetail = failure.code === 'cancelled' ? 'closed' : failure.detail === 'no-answer' ? 'no-answer' : 'unplugged';
      if (this.link === link) await this.release(detail);
      throw failure;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
      dispose();
    }
    if (this.link !== link) throw this.error('not-connected', `${this.kind}: the line closed while opening`, this.offline);
    this.phase = 'open';
    this.scheduleHeartbeat(link);
    this.stateChanged();
  }

  private scheduleHeartbeat(link: SerialLink): void {
    this.heartbeat = setTimeout(() => {
      this.heartbeat = undefined;
      if (this.link !== link) return;
      if (this.probing) {
        const bytes = this.keepAlive();
        if (bytes) void this.send(bytes).catch(() => undefined);
      } else void this.beat(link);
      if (this.link === link) this.scheduleHeartbeat(link);
    }, this.options.heartbeatMs);
  }

  private async beat(link: SerialLink): Promise<void> {
    const session = this.session;
    if (this.link !== link || !session) return;
    this.probing = true;
    const { controller, dispose } = childController(session.signal);
    const timer = setTimeout(
      () => controller.abort(this.error('not-connected', `${this.kind}: no answer to the heartbeat`, 'no-answer')),
      this.options.answerTimeoutMs,
    );
    try {
      await this.probe(controller.signal);
    } catch (error) {
      if (this.link !== link) return;
      const silent = isDeviceError(error) && error.detail === 'no-answer';
      await this.release(silent ? 'no-answer' : 'unplugged');
    } finally {
      this.probing = false;
      clearTimeout(timer);
      dispose();
    }
  }

  /**
   * Closes the line (if any) and goes offline with `detail`. The line is closed first, then the
   * operations in flight reject and the status event goes out, together: whoever awaits `close()`
   * (or an unplug) sees them in the same tick.
   */
  private release(detail: OfflineDetail): Promise<void> {
    if (this.releasing) return this.releasing;
    const link = this.link;
    const session = this.session;
    if (this.phase === 'closed' && !link) return Promise.resolve();
    this.link = undefined;
    this.session = undefined;
    this.phase = 'closed';
    this.offline = detail;
    if (this.heartbeat !== undefined) clearTimeout(this.heartbeat);
    this.heartbeat = undefined;
    this.releasing = (async () => {
      await link?.close();
      session?.abort(this.error('not-connected', detail === 'closed' ? `${this.kind} was closed` : `${this.kind} went away`, detail));
      this.onLinkClosed();
      this.stateChanged();
    })().finally(() => {
      this.releasing = undefined;
    });
    return this.releasing;
  }
}
