/**
 * The one sleep and the one bounded wait of every device operation (drivers, simulators, far ends).
 * Waits end when their signal fires and reject with the signal's reason: a DeviceError the
 * operation chose, never a generic AbortError.
 */

/** Waits `ms` (at once when 0 or less); rejects with `signal.reason` when the signal fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason as unknown);
  if (ms <= 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as unknown);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Waits for `work`, at most `ms`, and never rejects: what is still pending then is left to finish
 * on its own (a release stuck behind a frozen card, a peer that will not answer).
 */
export function within(work: Promise<unknown>, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    void work.finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Rejects with `error()` if `promise` has not settled within `ms` (the promise itself runs on). */
export function withDeadline<T>(promise: Promise<T>, ms: number, error: () => unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(error()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (failure: unknown) => {
        clearTimeout(timer);
        reject(failure);
      },
    );
  });
}
