import { cancelledError, DeviceError } from '../../../errors.js';

export interface RunOptions {
  exclusive?: boolean;
  /** Card operations fail together with `card-removed` when the card leaves. */
  card?: boolean;
}

interface Running {
  name: string;
  card: boolean;
  controller: AbortController;
}

/**
 * The bookkeeping every operation of the driver shares: `cancelled` on the caller's abort, `busy`
 * for a second exclusive operation, and failing a group at once (the card left: `card-removed`;
 * the reader or pcscd went away, or close: `not-connected`), even while a PC/SC call is in flight.
 */
export class Operations {
  private readonly running = new Set<Running>();
  private exclusive: Running | undefined;
  private readonly waiters = new Set<() => void>();

  get exclusiveName(): string | undefined {
    return this.exclusive?.name;
  }

  async run<T>(name: string, callerSignal: AbortSignal | undefined, body: (signal: AbortSignal) => Promise<T>, options: RunOptions = {}): Promise<T> {
    if (callerSignal?.aborted) throw cancelledError('card-reader', name);
    if (options.exclusive && this.exclusive) {
      throw new DeviceError('card-reader', 'busy', `${name}: ${this.exclusive.name} is still in progress`, this.exclusive.name);
    }
    const op: Running = { name, card: options.card === true, controller: new AbortController() };
    this.running.add(op);
    if (options.exclusive) this.exclusive = op;
    const onAbort = (): void => op.controller.abort(cancelledError('card-reader', name));
    callerSignal?.addEventListener('abort', onAbort, { once: true });
    const { signal } = op.controller;
    const aborted = new Promise<never>((_, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    aborted.catch(() => undefined);
    try {
      const result = body(signal);
      result.catch(() => undefined); // when the abort wins the race, the body's late failure is moot
      return await Promise.race([result, aborted]);
    } finally {
      callerSignal?.removeEventListener('abort', onAbort);
      this.running.delete(op);
      if (this.exclusive === op) this.exclusive = undefined;
      this.wake();
    }
  }

  /** Resolves once `ready()` holds, re-checked on every `wake()`; rejects when `signal` fires. */
  until(signal: AbortSignal, ready: () => boolean): Promise<void> {
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    if (ready()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!ready()) return;
        done();
        resolve();
      };
      const onAbort = (): void => {
        done();
        reject(signal.reason as Error);
      };
      const done = (): void => {
        this.waiters.delete(check);
        signal.removeEventListener('abort', onAbort);
      };
      this.waiters.add(check);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  failCardOperations(error: DeviceError): void {
    for (const op of this.running) if (op.card) op.controller.abort(error);
  }

  failAll(error: DeviceError): void {
    for (const op of this.running) op.controller.abort(error);
  }
}

/** Rejects `timeout` if `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DeviceError('card-reader', 'timeout', `${what}: no answer in ${ms} ms`, 'no-answer')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
