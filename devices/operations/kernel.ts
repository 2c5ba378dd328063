import { cancelledError, DeviceError } from '../errors.js';
import type { DeviceKind } from '../kinds.js';
import { sleep } from './timing.js';

/**
 * The one bookkeeping of device operations, shared by every driver and simulator (the simulated
 * device base, the serial device, the PC/SC reader, the HID scanner): `cancelled` on the caller's
 * abort, `busy` for a second exclusive operation, failing a group at once (a card that left, a line
 * that died, `close()`), deadlines, and waits that end with the operation. A body gets an
 * OperationContext and is raced against its abort, so it stops at once even mid-wait.
 */
export interface OperationContext {
  /** Fires when the operation must stop; the reason is the DeviceError it rejects with. */
  readonly signal: AbortSignal;
  /** Waits `ms`; rejects with the operation's abort reason. */
  sleep(ms: number): Promise<void>;
  /**
   * Waits until `ready()` holds, re-checked on every `wake()` of the kernel. Resolves true, or
   * false once `timeoutMs` passed without it; rejects with the operation's abort reason.
   */
  until(ready: () => boolean, timeoutMs?: number): Promise<boolean>;
  /** Fails the operation with `error()` after `ms`, unless the returned function is called first. */
  deadline(ms: number, error: () => DeviceError): () => void;
}

export interface RunOptions {
  /** Exclusive operations reject `busy` while another exclusive one runs. */
  exclusive?: boolean;
  /**
   * `reject` (default): the caller's abort rejects `cancelled`. `observe`: the body reads the
   * caller's signal itself, for contracts where cancelling is an outcome (the payment terminal).
   */
  callerAbort?: 'reject' | 'observe';
  /** A group to fail together with `failTagged` (e.g. every read of a card that just left). */
  tag?: string;
  /** A signal the operation also ends with, with its reason (e.g. the serial line's session). */
  parent?: AbortSignal;
}

interface Running {
  name: string;
  tag: string | undefined;
  controller: AbortController;
}

export class OperationKernel {
  private readonly running = new Set<Running>();
  private exclusive: Running | undefined;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly kind: DeviceKind) {}

  /** The exclusive operation in progress, if any. */
  get exclusiveName(): string | undefined {
    return this.exclusive?.name;
  }

  /** Names of the operations in progress (the simulators' state shows them). */
  names(): string[] {
    return [...this.running].map((op) => op.name);
  }

  /** Checks the operation may start (not aborted, not busy), then runs it; see the class comment. */
  async run<T>(name: string, callerSignal: AbortSignal | undefined, body: (ctx: OperationContext) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const observe = options.callerAbort === 'observe';
    if (callerSignal?.aborted && !observe) throw cancelledError(this.kind, name);
    if (options.parent?.aborted) throw options.parent.reason;
    if (options.exclusive && this.exclusive) {
      throw new DeviceError(this.kind, 'busy', `${name}: ${this.exclusive.name} is still in progress`, this.exclusive.name);
    }
    const op: Running = { name, tag: options.tag, controller: new AbortController() };
    const { signal } = op.controller;
    this.running.add(op);
    if (options.exclusive) this.exclusive = op;
    const undo: Array<() => void> = [];
    const follow = (source: AbortSignal | undefined, reason: () => unknown): void => {
      if (!source) return;
      const onAbort = (): void => op.controller.abort(reason());
      source.addEventListener('abort', onAbort, { once: true });
      undo.push(() => source.removeEventListener('abort', onAbort));
    };
    if (!observe) follow(callerSignal, () => cancelledError(this.kind, name));
    follow(options.parent, () => options.parent?.reason);
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const aborted = new Promise<never>((_, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    aborted.catch(() => undefined); // observed through the race below

    const ctx: OperationContext = {
      signal,
      sleep: (ms) => sleep(ms, signal),
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
      const result = body(ctx);
      result.catch(() => undefined); // if the abort wins the race, the body's own rejection is moot
      return await Promise.race([result, aborted]);
    } finally {
      for (const timer of timers) clearTimeout(timer);
      for (const fn of undo) fn();
      this.running.delete(op);
      if (this.exclusive === op) this.exclusive = undefined;
      // Wake waiters so an operation queued behind this one (or a tester's view) sees the change.
      this.wake();
    }
  }

  /** Fails every running operation carrying `tag`. */
  failTagged(tag: string, error: DeviceError): void {
    for (const op of this.running) if (op.tag === tag) op.controller.abort(error);
  }

  /** Fails every running operation (closed, unplugged, the daemon gone). */
  failAll(error: DeviceError): void {
    for (const op of this.running) op.controller.abort(error);
  }

  /** Re-checks every `until`: call it whenever the state they wait on may have changed. */
  wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /**
   * Resolves true once `ready()` holds (re-checked on every `wake()`), false when `timeoutMs`
   * passed first; rejects with the signal's reason when it fires.
   */
  until(signal: AbortSignal, ready: () => boolean, timeoutMs?: number): Promise<boolean> {
    if (signal.aborted) return Promise.reject(signal.reason as unknown);
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
        reject(signal.reason as unknown);
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
