import type { PcscLiteReader } from './pcsclite-api.js';

/** A connection to the card on one reader: what the card-application client transmits through. */
export interface PcscChannel {
  readonly protocol: number;
  /**
   * One APDU exchange. Rejects with pcsclite's Error (classify it with classifyPcscError), or with
   * `deadline.error()` after `deadline.ms`: the native call is then abandoned (it still holds the
   * handle until pcscd answers; `handleBusy` says so).
   */
  transmit(apdu: Uint8Array, maxResponse: number, deadline?: { ms: number; error: () => Error }): Promise<Uint8Array>;
  /** `reset`: the card forgets its security state (a verified PIN); otherwise it is left as is. */
  disconnect(reset: boolean): Promise<void>;
}

/**
 * pcsclite holds a per-reader lock for the whole of each call, taken on a libuv pool thread (and
 * by `close()` on the main thread). A card that stops answering mid-command keeps its transmit
 * in pcscd forever, and with it the lock: anything queued on that handle waits, and a `close()`
 * would freeze the event loop. So each handle's calls in flight are tracked here, and whoever would
 * take the lock (disconnect, close) asks `idle(handle)` first and never queues behind a stuck call.
 */
interface CallsInFlight {
  count: number;
  idle: Array<() => void>;
}
const inFlight = new WeakMap<PcscLiteReader, CallsInFlight>();

/** Marks a native call on `reader` as started; the returned function marks it finished. */
function begin(reader: PcscLiteReader): () => void {
  let calls = inFlight.get(reader);
  if (!calls) inFlight.set(reader, (calls = { count: 0, idle: [] }));
  const tracked = calls;
  tracked.count++;
  return () => {
    tracked.count--;
    if (tracked.count === 0) for (const wake of tracked.idle.splice(0)) wake();
  };
}

/** Whether a call on this handle is still inside pcsclite (holding its lock). */
export function handleBusy(reader: PcscLiteReader): boolean {
  return (inFlight.get(reader)?.count ?? 0) > 0;
}

/** Resolves once no call on this handle is in flight (at once when none is). Never rejects. */
export function handleIdle(reader: PcscLiteReader): Promise<void> {
  const calls = inFlight.get(reader);
  if (!calls || calls.count === 0) return Promise.resolve();
  return new Promise((resolve) => calls.idle.push(resolve));
}

/**
 * Connects exclusively: no other application may slip APDUs between ours while a PIN is verified.
 * A handle left over from a card that has since left is released first (pcsclite would otherwise
 * answer "already connected" without a protocol).
 */
export async function connectCard(reader: PcscLiteReader): Promise<PcscChannel> {
  if (reader.connected) await disconnect(reader, reader.SCARD_LEAVE_CARD);
  return new Promise((resolve, reject) => {
    reader.connect({ share_mode: reader.SCARD_SHARE_EXCLUSIVE }, (error, protocol) => {
      if (error) {
        reject(error);
        return;
      }
      if (!Number.isInteger(protocol)) {
        reject(new Error('SCardConnect gave no protocol'));
        return;
      }
      resolve({
        protocol,
        // One promise per APDU, the deadline inside it: this is the driver's hot path (bench:card).
        transmit: (apdu, maxResponse, deadline) =>
          new Promise<Uint8Array>((res, rej) => {
            const end = begin(reader);
            const timer = deadline ? setTimeout(() => rej(deadline.error()), deadline.ms) : undefined;
            reader.transmit(Buffer.from(apdu.buffer, apdu.byteOffset, apdu.length), maxResponse, protocol, (err, response) => {
              end();
              if (timer !== undefined) clearTimeout(timer);
              if (err) rej(err);
              else res(new Uint8Array(response.buffer, response.byteOffset, response.length)); // pcsclite's own copy: no second one
            });
          }),
        // Queued only once the handle is idle: behind a stuck transmit it would hold a pool thread.
        disconnect: async (reset) => {
          await handleIdle(reader);
          await disconnect(reader, reset ? reader.SCARD_RESET_CARD : reader.SCARD_LEAVE_CARD);
        },
      });
    });
  });
}

/** Releases the reader's card handle; never rejects (a handle whose card or daemon is gone is released anyway). */
export function disconnect(reader: PcscLiteReader, disposition: number): Promise<void> {
  return new Promise((resolve) => {
    try {
      reader.disconnect(disposition, () => resolve());
    } catch {
      resolve();
    }
  });
}
