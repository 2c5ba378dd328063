import { within } from '../../../operations/timing.js';
import type { X509Certificate } from 'node:crypto';
import type { DeviceInfo, DeviceStatus, SelfTestResult } from '../../../contract.js';
import { cancelledError, DeviceError, isDeviceError } from '../../../errors.js';
import { TypedEmitter } from '../../../events.js';
import { connectCard, type PcscChannel } from '../../../transport/pcsc/pcsc-channel.js';
import { PcscMonitor } from '../../../transport/pcsc/pcsc-monitor.js';
import { loadPcscLite } from '../../../transport/pcsc/pcsclite-api.js';
import { command, encodeCommand, SW } from '../../app/apdu.js';
import { atrSupportsExtendedLength } from '../../app/atr.js';
import { ID_APPLICATION_AID, INS, SELECT_P1, SELECT_P2_NO_DATA } from '../../app/application.js';
import { loadTrustAnchors } from '../../app/authenticity.js';
import { IdCardSession } from '../../app/client.js';
import type { Transmit } from '../../app/exchange.js';
import type {
  CardReader,
  CardReaderCapabilities,
  CardReaderEvents,
} from '../../contract.js';
import { deviceErrorFromPcsc } from './map-error.js';
import type { PcscCardReaderOptions } from './pcsc-options.js';

export type { PcscCardReaderOptions } from './pcsc-options.js';
import { OperationKernel } from '../../../operations/kernel.js';
import { withDeadline } from '../../../operations/timing.js';
import { idCardReads } from '../../app/session-reads.js';

/** Operations on the card now on the reader: they fail together, `card-removed`, when it leaves. */
const CARD_OPERATIONS = 'card';

function noAnswer(what: string, ms: number): DeviceError {
  return new DeviceError('card-reader', 'timeout', `${what}: no answer in ${ms} ms`, 'no-answer');
}

/** How long a broken exchange waits for news of pcscd or the reader (pcscd polls every 400 ms). */
const SETTLE_MS = 800;

/**
 * The contactless ID card reader over PC/SC (pcscd through the `pcsclite` binding). The driver
 * holds one PC/SC context (PcscMonitor) for as long as it is open; when pcscd stops or restarts the
 * monitor re-establishes it, and a reader unplugged and plugged again is picked up by name. The
 * card connection (exclusive) lives from the first operation on a card until that card leaves, so
 * a verified PIN lasts exactly one placement. Every card operation goes through the shared
 * card-application client (devices/card-reader/app/client.ts).
 */
export class PcscCardReader implements CardReader {
  readonly kind = 'card-reader' as const;
  private readonly events = new TypedEmitter<CardReaderEvents>();
  private readonly ops = new OperationKernel('card-reader');
  private readonly anchors: X509Certificate[];
  private readonly extended: boolean;
  private readonly transmitTimeoutMs: number;
  private readonly closeTimeoutMs: number;
  private monitor: PcscMonitor | null = null;
  private unsubscribe: Array<() => void> = [];
  private opened = false;
  private failure: string | undefined;
  private readerName: string | null = null;
  private channel: Promise<PcscChannel> | null = null;
  /** The channel once connected: later operations on the same card use it without waiting. */
  private connected: PcscChannel | null = null;
  /** Releases of old card handles, in order: a new connection waits for them. */
  private releasing: Promise<void> = Promise.resolve();
  private lastStatus: DeviceStatus;

  constructor(private readonly options: PcscCardReaderOptions) {
    this.anchors = loadTrustAnchors(options.trustAnchorsPem);
    this.extended = options.extendedLength ?? true;
    this.transmitTimeoutMs = options.transmitTimeoutMs ?? 5_000;
    this.closeTimeoutMs = options.closeTimeoutMs ?? 1_000;
    this.lastStatus = this.status();
  }

  info(): DeviceInfo {
    return { kind: 'card-reader', model: this.readerName ?? 'PC/SC reader', vendor: 'PC/SC (pcsc-lite)' };
  }

  capabilities(): CardReaderCapabilities {
    return { contactless: true, extendedLength: this.extended };
  }

  status(): DeviceStatus {
    if (!this.opened) return { state: 'offline', detail: this.failure ?? 'closed' };
    if (!this.monitor?.up) return { state: 'offline', detail: 'pcscd-unavailable' };
    if (this.readerName === null) return { state: 'offline', detail: 'reader-missing' };
    return { state: 'online' };
  }

  on<K extends keyof CardReaderEvents>(event: K, listener: (payload: CardReaderEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  async open(signal?: AbortSignal): Promise<void> {
    if (this.opened) return;
    if (signal?.aborted) throw cancelledError('card-reader', 'open');
    const factory = await (this.options.load ?? loadPcscLite)();
    if (signal?.aborted) throw cancelledError('card-reader', 'open');
    if (this.opened) return;
    if (!factory) throw this.openFailed('pcsclite-missing', 'the pcsclite module is not available');
    const monitor = new PcscMonitor(factory, { retryInitialMs: this.options.retryInitialMs ?? 250, retryMaxMs: this.options.retryMaxMs ?? 4_000 });
    if (!monitor.start()) {
      await monitor.stop();
      throw this.openFailed('pcscd-unavailable', `pcscd does not answer: ${monitor.error ?? ''}`);
    }
    try {
      await this.waitForReader(monitor, signal);
    } catch (error) {
      await monitor.stop();
      if (isDeviceError(error) && error.code === 'cancelled') throw error;
      throw this.openFailed('reader-missing', 'no matching PC/SC reader is listed');
    }
    this.monitor = monitor;
    this.readerName = this.matchingReader(monitor.readerNames());
    this.failure = undefined;
    this.opened = true;
    this.unsubscribe = [
      monitor.on('service', ({ up }) => {
        if (!up) this.readerLost('pcscd-unavailable', 'pcscd went away');
        this.stateChanged();
      }),
      monitor.on('reader-added', ({ name }) => {
        if (this.readerName !== null || this.matchingReader([name]) === null) return;
        this.readerName = name;
        this.stateChanged();
        if (monitor.cardPresent(name)) this.cardArrived();
      }),
      monitor.on('reader-removed', ({ name, hadCard }) => {
        if (name === this.readerName) this.readerLost('reader-missing', 'the reader was unplugged', hadCard);
      }),
      monitor.on('card', ({ name, present }) => {
        if (name !== this.readerName) return;
        if (present) this.cardArrived();
        else this.cardLeft();
      }),
    ];
    this.stateChanged();
  }

  async close(): Promise<void> {
    if (!this.opened) return;
    this.opened = false;
    this.ops.failAll(new DeviceError('card-reader', 'not-connected', 'the reader was closed', 'closed'));
    this.release(true);
    for (const off of this.unsubscribe.splice(0)) off();
    // Reset the card: a PIN verified for this visit must not outlive it.
    await within(this.releasing, this.closeTimeoutMs);
    const monitor = this.monitor;
    this.monitor = null;
    await monitor?.stop(this.closeTimeoutMs);
    this.readerName = null;
    this.stateChanged();
  }

  isCardPresent(): boolean {
    return this.readerName !== null && this.monitor?.cardPresent(this.readerName) === true;
  }

  waitForCard(signal: AbortSignal): Promise<void> {
    return this.run('waitForCard', signal, async (opSignal) => void (await this.ops.until(opSignal, () => this.isCardPresent())));
  }

  waitForRemoval(signal: AbortSignal): Promise<void> {
    return this.run('waitForRemoval', signal, async (opSignal) => void (await this.ops.until(opSignal, () => !this.isCardPresent())));
  }

  // The contract's reads, each one session over the card on the PC/SC reader (`devices/card-reader/app/session-reads.ts`).
  private readonly reads = idCardReads((name, signal, body) => this.withCard(name, signal, body));
  readonly readVisibleData = this.reads.readVisibleData;
  readonly readFaceImage = this.reads.readFaceImage;
  readonly readFingerprintReferences = this.reads.readFingerprintReferences;
  readonly verifyPin = this.reads.verifyPin;
  readonly readProtectedData = this.reads.readProtectedData;
  readonly checkAuthenticity = this.reads.checkAuthenticity;

  /**
   * pcscd answering, the reader listed, and, when a card lies on the reader and nothing else is
   * talking to it, one SELECT to prove the card link. Never `busy`: with a read running, the probe
   * is skipped.
   */
  selfTest(signal?: AbortSignal): Promise<SelfTestResult> {
    return this.run('selfTest', signal, async (opSignal) => {
      const checks: SelfTestResult['checks'] = [
        { name: 'pcscd', passed: this.monitor?.up === true },
        this.readerName === null ? { name: 'reader', passed: false, detail: 'reader-missing' } : { name: 'reader', passed: true, detail: this.readerName },
      ];
      if (this.isCardPresent() && this.ops.exclusiveName === undefined) {
        checks.push(await this.probeCard(opSignal));
      }
      return { passed: checks.every((check) => check.passed), checks };
    });
  }

  private async probeCard(signal: AbortSignal): Promise<SelfTestResult['checks'][number]> {
    try {
      const response = await this.ops.run(
        'selfTest',
        signal,
        async ({ signal: opSignal }) => {
          const { transmit } = await this.transmitter('selfTest', opSignal);
          return transmit(encodeCommand(command(0x00, INS.SELECT, SELECT_P1.BY_AID, SELECT_P2_NO_DATA, ID_APPLICATION_AID)));
        },
        { exclusive: true, tag: CARD_OPERATIONS },
      );
      // The link answers, but only 9000 proves an ID card behind it (a transit card says 6A82).
      const sw = ((response[response.length - 2] ?? 0) << 8) | (response[response.length - 1] ?? 0);
      if (sw !== SW.OK) return { name: 'card-link', passed: false, detail: sw === SW.FILE_NOT_FOUND ? 'not-an-id-card' : `sw-${sw.toString(16).padStart(4, '0')}` };
      return { name: 'card-link', passed: true };
    } catch (error) {
      if (isDeviceError(error) && (error.code === 'not-connected' || error.code === 'cancelled')) throw error;
      return { name: 'card-link', passed: false, detail: isDeviceError(error) ? error.detail ?? error.code : 'error' };
    }
  }

  private run<T>(name: string, signal: AbortSignal | undefined, body: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (signal?.aborted) return Promise.reject(cancelledError('card-reader', name));
    if (!this.opened) return Promise.reject(new DeviceError('card-reader', 'not-connected', `${name}: the reader is not open`, 'closed'));
    return this.ops.run(name, signal, (ctx) => body(ctx.signal));
  }

  private withCard<T>(name: string, signal: AbortSignal | undefined, body: (session: IdCardSession) => Promise<T>): Promise<T> {
    if (signal?.aborted) return Promise.reject(cancelledError('card-reader', name));
    if (!this.opened) return Promise.reject(new DeviceError('card-reader', 'not-connected', `${name}: the reader is not open`, 'closed'));
    return this.ops.run(
      name,
      signal,
      async ({ signal: opSignal }) => {
        const { transmit, extendedLength } = await this.transmitter(name, opSignal);
        return body(new IdCardSession(transmit, { extendedLength, trustAnchors: this.anchors }, opSignal));
      },
      { exclusive: true, tag: CARD_OPERATIONS },
    );
  }

  /**
   * A transmit function bound to the card now on the reader, connecting to it if needed, and
   * whether extended length may be used with it (allowed by configuration and announced by its ATR).
   */
  private async transmitter(name: string, signal: AbortSignal): Promise<{ transmit: Transmit; extendedLength: boolean }> {
    const reader = this.readerName === null ? undefined : this.monitor?.reader(this.readerName);
    if (!this.monitor?.up) throw new DeviceError('card-reader', 'not-connected', `${name}: pcscd is not available`, 'pcscd-unavailable');
    if (!reader) throw new DeviceError('card-reader', 'not-connected', `${name}: the reader is missing`, 'reader-missing');
    if (!this.isCardPresent()) throw new DeviceError('card-reader', 'card-removed', `${name}: there is no card on the reader`, 'no-card');
    if (!this.channel) {
      const connecting = this.releasing.then(() => connectCard(reader));
      this.channel = connecting;
      connecting.then(
        (connected) => {
          if (this.channel === connecting) this.connected = connected;
        },
        () => {
          if (this.channel === connecting) this.channel = null;
        },
      );
    }
    const current = this.channel;
    let channel: PcscChannel;
    if (this.connected) channel = this.connected;
    else {
      try {
        channel = await withDeadline(current, this.transmitTimeoutMs, () => noAnswer(`${name}: connect`, this.transmitTimeoutMs));
      } catch (error) {
        if (this.channel === current) this.channel = null;
        throw isDeviceError(error) ? error : deviceErrorFromPcsc(`${name}: connect`, error);
      }
    }
    if (signal.aborted) throw signal.reason as Error;
    const extendedLength = this.extended && atrSupportsExtendedLength(this.readerName === null ? null : (this.monitor?.atr(this.readerName) ?? null));
    const maxResponse = extendedLength ? 65538 : 258; // data + SW1 SW2
    const deadline = { ms: this.transmitTimeoutMs, error: () => noAnswer(`${name}: transmit`, this.transmitTimeoutMs) };
    const transmit: Transmit = async (apdu) => {
      if (signal.aborted) throw signal.reason as Error;
      try {
        const started = performance.now();
        const response = await channel.transmit(apdu, maxResponse, deadline);
        this.options.onExchange?.(apdu, response, performance.now() - started);
        // No status word at all: the exchange broke off (vpcd and contactless readers answer an
        // empty response when the card left the field mid-command).
        if (response.length < 2) throw new DeviceError('card-reader', 'card-removed', `${name}: the card stopped answering`, 'card-left');
        return response;
      } catch (error) {
        // A broken exchange leaves the connection unusable: the next operation connects afresh.
        if (this.channel === current) this.release(false);
        const mapped = isDeviceError(error) ? error : deviceErrorFromPcsc(`${name}: transmit`, error);
        if (mapped.code === 'card-removed' || mapped.code === 'hardware-fault') {
          // The exchange broke. Wait (up to one pcscd poll) for the monitor to tell why: the card
          // left (presence then agrees with the error) or pcscd died or the reader went (the
          // operation then fails `not-connected`: pcscd killed mid-transmit answers with whatever
          // code its socket's end gives, so the code alone cannot tell).
          await this.settle(signal);
          if (!this.monitor?.up) throw new DeviceError('card-reader', 'not-connected', `${name}: pcscd went away`, 'pcscd-unavailable');
          if (this.readerName === null) throw new DeviceError('card-reader', 'not-connected', `${name}: the reader was unplugged`, 'reader-missing');
        }
        throw mapped;
      }
    };
    return { transmit, extendedLength };
  }

  private async settle(signal: AbortSignal): Promise<void> {
    // The deadline passing or the operation failing meanwhile end the wait alike: the caller throws either way.
    await this.ops.until(signal, () => !this.isCardPresent(), SETTLE_MS).catch(() => false);
  }


  /** Forgets the card connection and queues its release (reset: the card forgets its PIN state). */
  private release(reset: boolean): void {
    const channel = this.channel;
    this.channel = null;
    this.connected = null;
    if (!channel) return;
    this.releasing = this.releasing.then(() => channel.then((c) => c.disconnect(reset)).catch(() => undefined));
  }

  private cardArrived(): void {
    this.release(false);
    this.events.emit('card-inserted', { at: Date.now() });
    this.ops.wake();
  }

  private cardLeft(): void {
    this.release(false);
    this.ops.failTagged(CARD_OPERATIONS, new DeviceError('card-reader', 'card-removed', 'the card left the reader', 'card-left'));
    this.events.emit('card-removed', { at: Date.now() });
    this.ops.wake();
  }

  private readerLost(detail: string, message: string, cardWentWithIt = false): void {
    const hadCard = cardWentWithIt || this.isCardPresent() || this.channel !== null;
    this.release(false);
    this.readerName = null;
    this.ops.failAll(new DeviceError('card-reader', 'not-connected', message, detail));
    if (hadCard) this.events.emit('card-removed', { at: Date.now() });
    this.stateChanged();
  }

  private matchingReader(names: readonly string[]): string | null {
    const wanted = this.options.reader?.toLowerCase();
    return names.find((name) => wanted === undefined || name.toLowerCase().includes(wanted)) ?? null;
  }

  private waitForReader(monitor: PcscMonitor, signal: AbortSignal | undefined): Promise<void> {
    if (this.matchingReader(monitor.readerNames()) !== null) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const finish = (error?: Error): void => {
        clearTimeout(timer);
        off();
        signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve();
      };
      const off = monitor.on('reader-added', ({ name }) => {
        if (this.matchingReader([name]) !== null) finish();
      });
      const onAbort = (): void => finish(cancelledError('card-reader', 'open'));
      const timer = setTimeout(() => finish(new Error('no reader')), this.options.readerWaitMs ?? 2_000);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private openFailed(detail: string, message: string): DeviceError {
    this.failure = detail;
    this.stateChanged();
    return new DeviceError('card-reader', 'not-connected', message, detail);
  }

  private stateChanged(): void {
    const next = this.status();
    if (next.state !== this.lastStatus.state || next.detail !== this.lastStatus.detail) {
      this.lastStatus = next;
      this.events.emit('status', next);
    }
    this.ops.wake();
  }
}
