/**
 * Lets the event loop serve what waits (the page's requests while the host starts: issue 20, cold
 * start) between two long synchronous steps. An `await` of a resolved promise does not: it runs as a
 * microtask, before any I/O callback.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
