/**
 * Small waiting primitives for the serial drivers: every wait ends when its signal fires, and
 * rejects with the signal's reason (a DeviceError the operation chose), never a generic AbortError.
 */

export { sleep } from '../../operations/timing.js';

export interface Settle<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

/**
 * Waits for something announced by a callback (an answer frame, a status change). `subscribe`
 * registers the callbacks and returns how to unregister; it runs once, and is undone on settle.
 * A `timeoutMs` rejects with `onTimeout()`; the signal rejects with its reason.
 */
export function waitFor<T>(
  signal: AbortSignal,
  subscribe: (settle: Settle<T>) => () => void,
  timeout?: { ms: number; error: () => unknown },
): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as unknown);
  return new Promise<T>((resolve, reject) => {
    let done = false;
    let unsubscribe: () => void = () => undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (): boolean => {
      if (done) return false;
      done = true;
      unsubscribe();
      signal.removeEventListener('abort', onAbort);
      if (timer !== undefined) clearTimeout(timer);
      return true;
    };
    const onAbort = (): void => {
      if (finish()) reject(signal.reason as unknown);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    if (timeout) {
      timer = setTimeout(() => {
        if (finish()) reject(timeout.error());
      }, timeout.ms);
    }
    unsubscribe = subscribe({
      resolve: (value) => {
        if (finish()) resolve(value);
      },
      reject: (error) => {
        if (finish()) reject(error);
      },
    });
    if (done) unsubscribe();
  });
}

/** A controller that also aborts when any parent fires, with the parent's reason. */
export function childController(...parents: Array<AbortSignal | undefined>): { controller: AbortController; dispose(): void } {
  const controller = new AbortController();
  const undo: Array<() => void> = [];
  for (const parent of parents) {
    if (!parent) continue;
    if (parent.aborted) {
      controller.abort(parent.reason);
      break;
    }
    const onAbort = (): void => controller.abort(parent.reason);
    parent.addEventListener('abort', onAbort, { once: true });
    undo.push(() => parent.removeEventListener('abort', onAbort));
  }
  return {
    controller,
    dispose: () => {
      for (const fn of undo.splice(0)) fn();
    },
  };
}
