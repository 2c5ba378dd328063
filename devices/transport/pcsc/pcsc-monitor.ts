import { within } from '../../operations/timing.js';
import { TypedEmitter } from '../../events.js';
import { disconnect, handleBusy, handleIdle } from './pcsc-channel.js';
import type { PcscLiteContext, PcscLiteFactory, PcscLiteReader } from './pcsclite-api.js';

export interface PcscMonitorEvents {
  /** The PC/SC context was established (`up`) or lost because pcscd went away (`down`). */
  service: { up: boolean };
  'reader-added': { name: string };
  /**
   * The reader went (unplugged, or its handle ended because pcscd is going). A card on it went with
   * it (`hadCard`): no separate `card` event, so a listener never takes a reader's loss for a card
   * lifted (the operations in flight fail `not-connected`, not `card-removed`).
   */
  'reader-removed': { name: string; hadCard: boolean };
  /** A card arrived on (`present`) or left a reader. */
  card: { name: string; present: boolean };
}

interface TrackedReader {
  handle: PcscLiteReader;
  /** Announced once its first status arrived, so card presence is known when it is. */
  announced: boolean;
  present: boolean;
  atr: Uint8Array | null;
}

export interface PcscMonitorOptions {
  /** Re-establishing the context after pcscd went away: first delay, doubling up to the max. */
  retryInitialMs: number;
  retryMaxMs: number;
}

/**
 * One PC/SC context and what it sees: readers (present at start, attached, detached) and card
 * presence per reader. When pcscd stops (or restarts), the context is torn down, every reader and
 * card reported gone, and a new context is established with back-off until pcscd answers again.
 * pcsclite reports failures as 'error' events: every emitter gets a listener, so none can throw.
 */
export class PcscMonitor {
  private readonly events = new TypedEmitter<PcscMonitorEvents>();
  private context: PcscLiteContext | null = null;
  private readonly readers = new Map<string, TrackedReader>();
  private running = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryMs: number;
  private lastError: string | undefined;

  constructor(
    private readonly factory: PcscLiteFactory,
    private readonly options: PcscMonitorOptions,
  ) {
    this.retryMs = options.retryInitialMs;
  }

  on<K extends keyof PcscMonitorEvents>(event: K, listener: (payload: PcscMonitorEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  /** Starts watching; true when the context could be established at once. */
  start(): boolean {
    this.running = true;
    return this.establish();
  }

  /**
   * Stops watching; card handles still open are released (reset: a verified PIN ends here). A handle
   * whose card froze mid-command is abandoned instead: it is reset and closed by itself once pcscd
   * gives its transmit back, so stopping never waits on it (`releaseMs` bounds the others).
   */
  async stop(releaseMs = 1_000): Promise<void> {
    this.running = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const connected = this.context ? [...this.readers.values()].filter((entry) => entry.handle.connected && !handleBusy(entry.handle)) : [];
    await within(Promise.all(connected.map((entry) => disconnect(entry.handle, entry.handle.SCARD_RESET_CARD))), releaseMs);
    this.teardown(false);
    this.events.removeAll();
  }

  /** The ATR of the card on a reader (null without a card): it says what the card can do. */
  atr(name: string): Uint8Array | null {
    return this.readers.get(name)?.atr ?? null;
  }

  get up(): boolean {
    return this.context !== null;
  }

  get error(): string | undefined {
    return this.lastError;
  }

  /** Readers whose state is known (already present at start, or attached since). */
  readerNames(): string[] {
    return [...this.readers.entries()].filter(([, entry]) => entry.announced).map(([name]) => name);
  }

  reader(name: string): PcscLiteReader | undefined {
    return this.readers.get(name)?.handle;
  }

  cardPresent(name: string): boolean {
    return this.readers.get(name)?.present === true;
  }

  private establish(): boolean {
    if (!this.running || this.context) return this.context !== null;
    let context: PcscLiteContext;
    try {
      context = this.factory(); // throws at once when pcscd is not running
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      this.scheduleRetry();
      return false;
    }
    this.context = context;
    this.retryMs = this.options.retryInitialMs;
    this.lastError = undefined;
    context.on('error', (error) => {
      // SCardGetStatusChange failed: pcscd stopped. Everything this context knew is gone.
      this.lastError = error.message;
      if (this.context !== context) return;
      this.teardown(true);
      this.scheduleRetry();
    });
    context.on('reader', (reader) => this.track(context, reader));
    this.events.emit('service', { up: true });
    return true;
  }

  private track(context: PcscLiteContext, handle: PcscLiteReader): void {
    if (this.context !== context) {
      handle.close();
      return;
    }
    const entry: TrackedReader = { handle, announced: false, present: false, atr: null };
    this.readers.set(handle.name, entry);
    handle.on('error', (error) => {
      this.lastError = error.message; // the context's own error (or 'end') follows; nothing to do here
    });
    handle.on('end', () => this.untrack(handle.name, entry));
    handle.on('status', ({ state, atr }) => {
      if (this.readers.get(handle.name) !== entry) return;
      // PRESENT without MUTE: a card that answered its reset. MUTE cards are treated as absent.
      const present = (state & handle.SCARD_STATE_PRESENT) !== 0 && (state & handle.SCARD_STATE_MUTE) === 0;
      if (!entry.announced) {
        entry.announced = true;
        entry.present = present;
        entry.atr = present && atr ? new Uint8Array(atr) : null;
        this.events.emit('reader-added', { name: handle.name });
        return;
      }
      if (present === entry.present) return;
      entry.present = present;
      entry.atr = present && atr ? new Uint8Array(atr) : null;
      this.events.emit('card', { name: handle.name, present });
    });
  }

  private untrack(name: string, entry: TrackedReader): void {
    if (this.readers.get(name) !== entry) return;
    this.readers.delete(name);
    if (!entry.announced) return;
    this.events.emit('reader-removed', { name, hadCard: entry.present });
  }

  /**
   * Drops the context. `service: down` goes out first: what pcscd knew (readers, cards) went with
   * it, and a listener must learn that before it hears of any single reader or card.
   */
  private teardown(announce: boolean): void {
    const context = this.context;
    this.context = null;
    const readers = [...this.readers.values()];
    this.readers.clear();
    if (context && announce) this.events.emit('service', { up: false });
    for (const entry of readers) {
      entry.handle.removeAllListeners();
      entry.handle.on('error', () => undefined); // late errors from its thread must not throw
      abandonOrClose(entry.handle);
    }
    if (context) {
      context.removeAllListeners();
      context.on('error', () => undefined);
      closeQuietly(() => context.close());
    }
  }

  private scheduleRetry(): void {
    if (!this.running || this.retryTimer) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.options.retryMaxMs);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.establish();
    }, delay);
    this.retryTimer.unref?.();
  }
}

/**
 * Handles whose transmit is stuck in pcscd: `close()` would block the main thread on the handle's
 * lock. They are kept referenced (a collected handle's destructor would release its context under
 * the same lock) and reset and closed once the transmit comes back, whenever that is.
 */
const abandoned = new Set<PcscLiteReader>();

function abandonOrClose(handle: PcscLiteReader): void {
  if (!handleBusy(handle)) {
    closeQuietly(() => handle.close());
    return;
  }
  abandoned.add(handle);
  void handleIdle(handle)
    .then(() => (handle.connected ? disconnect(handle, handle.SCARD_RESET_CARD) : undefined))
    .then(() => {
      closeQuietly(() => handle.close());
      abandoned.delete(handle);
    });
}

function closeQuietly(close: () => void): void {
  try {
    close();
  } catch {
    // closing a context whose daemon already went away may complain; it is gone either way
  }
}
