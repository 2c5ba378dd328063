import type { DeviceInfo, DeviceStatus, SelfTestResult } from '../../contract.js';
import { cancelledError, DeviceError, type DeviceErrorCode, isDeviceError } from '../../errors.js';
import { TypedEmitter } from '../../events.js';
import { type OperationContext, OperationKernel } from '../../operations/kernel.js';
import type { HidTransport, HidTransportFactory } from '../../transport/hid/transport.js';
import {
  FINGERS,
  type Finger,
  type FingerCapture,
  type FingerprintCapabilities,
  type FingerprintEvents,
  type FingerprintScanner,
  type MatchResult,
} from '../contract.js';
import { bodies, encodeMessage, HidProtocolError, type Message, MessageType, type MessageTypeCode, Reassembler, type ScannerInfo } from './hid-protocol.js';

export interface HidFingerprintOptions {
  /** Opens the HID link (node-hid in production, an in-memory pair in tests). */
  transport: HidTransportFactory;
  /** How long the scanner may take to answer a request that does not wait for a finger. */
  answerTimeoutMs?: number;
}

interface Pending {
  expect: MessageTypeCode;
  resolve: (message: Message) => void;
  reject: (error: DeviceError) => void;
  onPrompt?: (message: Message) => void;
}

const KIND = 'fingerprint-scanner';

/**
 * The fingerprint scanner over HID (protocol: docs/fingerprint-protocol.md). The scanner does the
 * imaging, quality scoring, template extraction and 1:1 matching; this driver frames requests,
 * correlates answers by tag, forwards live prompts as `prompt` events, and maps the scanner's
 * error codes to DeviceErrors. An unplugged link rejects everything in flight `not-connected`.
 */
export class HidFingerprintScanner implements FingerprintScanner {
  readonly kind = KIND;
  private readonly events = new TypedEmitter<FingerprintEvents>();
  private readonly answerTimeoutMs: number;
  private link: HidTransport | undefined;
  private detachLink: Array<() => void> = [];
  private scanner: ScannerInfo | undefined;
  private lastStatus: DeviceStatus = { state: 'offline', detail: 'closed' };
  private readonly pending = new Map<number, Pending>();
  private readonly reassembler = new Reassembler();
  private nextTag = 1;
  private readonly ops = new OperationKernel(KIND);
  private opening: Promise<void> | undefined;

  constructor(private readonly options: HidFingerprintOptions) {
    this.answerTimeoutMs = options.answerTimeoutMs ?? 3_000;
  }

  info(): DeviceInfo {
    return {
      kind: KIND,
      model: this.scanner?.model ?? 'HID fingerprint scanner',
      vendor: 'HID',
      ...(this.scanner ? { firmware: this.scanner.firmware } : {}),
    };
  }

  capabilities(): FingerprintCapabilities {
    const s = this.scanner;
    return { imageWidth: s?.imageWidth ?? 0, imageHeight: s?.imageHeight ?? 0, matchThreshold: s?.matchThreshold ?? 0 };
  }

  status(): DeviceStatus {
    return { ...this.lastStatus };
  }

  on<K extends keyof FingerprintEvents>(event: K, listener: (payload: FingerprintEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  open(signal?: AbortSignal): Promise<void> {
    if (this.link) return Promise.resolve();
    this.opening ??= this.doOpen(signal).finally(() => {
      this.opening = undefined;
    });
    return this.opening;
  }

  private async doOpen(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw cancelledError(KIND, 'open');
    let link: HidTransport;
    try {
      link = await this.options.transport(signal);
    } catch (error) {
      if (signal?.aborted) throw cancelledError(KIND, 'open');
      throw new DeviceError(KIND, 'not-connected', `the scanner could not be opened: ${String(error)}`, 'unplugged');
    }
    this.attach(link);
    try {
      const answer = await this.ops.run('open', signal, (ctx) => this.request(ctx, MessageType.getInfo, new Uint8Array(0), MessageType.info, this.answerTimeoutMs));
      this.scanner = bodies.info.decode(answer.body);
    } catch (error) {
      await this.release({ state: 'offline', detail: 'closed' }, new DeviceError(KIND, 'not-connected', 'open failed', 'closed'));
      throw asDeviceError(error);
    }
    this.setStatus({ state: 'online' });
  }

  async close(): Promise<void> {
    if (!this.link) return;
    await this.release({ state: 'offline', detail: 'closed' }, new DeviceError(KIND, 'not-connected', 'the scanner was closed', 'closed'));
  }

  async selfTest(signal?: AbortSignal): Promise<SelfTestResult> {
    const answer = await this.ops.run('selfTest', signal, (ctx) => this.request(ctx, MessageType.selfTest, new Uint8Array(0), MessageType.selfTestResult, this.answerTimeoutMs)).catch(
      (error: unknown) => {
        const e = asDeviceError(error);
        // The contract lets self-test fail only with not-connected or cancelled.
        if (e.code === 'not-connected' || e.code === 'cancelled') throw e;
        return undefined;
      },
    );
    if (!answer) return { passed: false, checks: [{ name: 'link', passed: false, detail: 'no-answer' }] };
    const result = bodies.selfTestResult.decode(answer.body);
    const checks: SelfTestResult['checks'] = [
      { name: 'link', passed: true },
      result.passed ? { name: 'sensor', passed: true } : { name: 'sensor', passed: false, detail: result.detail || 'fault' },
    ];
    return { passed: checks.every((c) => c.passed), checks };
  }

  async capture(request: { finger: Finger; timeoutMs: number }, signal?: AbortSignal): Promise<FingerCapture> {
    const { finger, timeoutMs } = request;
    if (!FINGERS.includes(finger)) throw new TypeError(`unknown finger ${String(finger)}`);
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0) throw new RangeError(`timeoutMs must be ≥ 0, got ${timeoutMs}`);
    if (signal?.aborted) throw cancelledError(KIND, 'capture');
    this.requireOpen('capture');
    try {
      // The scanner enforces timeoutMs; the driver adds a margin for a scanner that never answers.
      const answer = await this.ops.run(
        'capture',
        signal,
        (ctx) =>
          this.request(ctx, MessageType.capture, bodies.capture.encode(finger, timeoutMs), MessageType.captureResult, timeoutMs + this.answerTimeoutMs, (prompt) => {
            this.events.emit('prompt', { prompt: bodies.prompt.decode(prompt.body) });
          }),
        { exclusive: true },
      );
      const result = bodies.captureResult.decode(answer.body);
      if (result.finger !== finger) throw new HidProtocolError(`asked for ${finger}, the scanner captured ${result.finger}`);
      return { finger, image: result.image, width: result.width, height: result.height, quality: result.quality, template: result.template };
    } catch (error) {
      throw asDeviceError(error);
    }
  }

  async match(probe: Uint8Array, reference: Uint8Array, signal?: AbortSignal): Promise<MatchResult> {
    try {
      const answer = await this.ops.run('match', signal, (ctx) => this.request(ctx, MessageType.match, bodies.match.encode(probe, reference), MessageType.matchResult, this.answerTimeoutMs));
      const { score, threshold } = bodies.matchResult.decode(answer.body);
      return { score, threshold, matched: score >= threshold };
    } catch (error) {
      throw asDeviceError(error);
    }
  }

  // ── link ────────────────────────────────────────────────────────────────────────────────

  private requireOpen(operation: string): HidTransport {
    if (!this.link) throw new DeviceError(KIND, 'not-connected', `${operation}: the scanner is not open`, this.lastStatus.detail ?? 'closed');
    return this.link;
  }

  private attach(link: HidTransport): void {
    this.link = link;
    this.reassembler.reset();
    this.detachLink = [
      link.onReport((report) => this.onReport(report)),
      link.onClose((reason) => {
        if (this.link !== link) return;
        const detail = reason === 'closed' ? 'closed' : 'unplugged';
        void this.release({ state: 'offline', detail }, new DeviceError(KIND, 'not-connected', `the scanner link went away (${reason})`, detail));
      }),
    ];
  }

  private async release(status: DeviceStatus, error: DeviceError): Promise<void> {
    const link = this.link;
    this.link = undefined;
    for (const detach of this.detachLink) detach();
    this.detachLink = [];
    this.ops.failAll(error);
    for (const pending of [...this.pending.values()]) pending.reject(error);
    this.pending.clear();
    this.setStatus(status);
    await link?.close();
  }

  private onReport(report: Uint8Array): void {
    let message: Message | null;
    try {
      message = this.reassembler.push(report);
    } catch (error) {
      // A garbled report spoils whatever was waiting: fail it as a protocol error.
      const e = new DeviceError(KIND, 'protocol', String(error instanceof Error ? error.message : error), 'bad-report');
      const tag = report[1] ?? 0;
      const pending = this.pending.get(tag);
      if (pending) pending.reject(e);
      return;
    }
    if (!message) return;
    const pending = this.pending.get(message.tag);
    if (!pending) return; // a late answer to a cancelled request
    try {
      if (message.type === MessageType.prompt) {
        pending.onPrompt?.(message);
      } else if (message.type === MessageType.error) {
        const { code, detail } = bodies.error.decode(message.body);
        pending.reject(new DeviceError(KIND, code as DeviceErrorCode, `the scanner answered ${code}${detail ? ` (${detail})` : ''}`, detail || undefined));
      } else if (message.type === pending.expect) {
        pending.resolve(message);
      } else {
        throw new HidProtocolError(`unexpected message type 0x${message.type.toString(16)}`);
      }
    } catch (error) {
      pending.reject(asDeviceError(error));
    }
  }

  /**
   * Sends one request within an operation and waits for its answer (or error). The operation's
   * signal ends it (the caller's abort, the deadline, the link going away): the scanner is then
   * told to stop (`cancel` with the request's tag) and a late answer to that tag is ignored.
   */
  private request(ctx: OperationContext, type: MessageTypeCode, body: Uint8Array, expect: MessageTypeCode, timeoutMs: number, onPrompt?: (message: Message) => void): Promise<Message> {
    const name = `request 0x${type.toString(16)}`;
    const link = this.requireOpen(name);
    const tag = this.takeTag();
    ctx.deadline(timeoutMs, () => new DeviceError(KIND, 'timeout', `${name}: no answer within ${timeoutMs} ms`, 'no-answer'));
    const { signal } = ctx;
    return new Promise<Message>((resolve, reject) => {
      const finish = (): void => {
        signal.removeEventListener('abort', onAbort);
        this.pending.delete(tag);
      };
      const onAbort = (): void => {
        finish();
        void this.send(link, { type: MessageType.cancel, tag, body: new Uint8Array(0) }).catch(() => undefined);
        reject(signal.reason);
      };
      this.pending.set(tag, {
        expect,
        onPrompt,
        resolve: (message) => {
          finish();
          resolve(message);
        },
        reject: (error) => {
          finish();
          reject(error);
        },
      });
      signal.addEventListener('abort', onAbort, { once: true });
      this.send(link, { type, tag, body }).catch((error: unknown) => {
        this.pending.get(tag)?.reject(new DeviceError(KIND, 'not-connected', `${name}: write failed: ${String(error)}`, 'unplugged'));
      });
    });
  }

  private async send(link: HidTransport, message: Message): Promise<void> {
    for (const report of encodeMessage(message)) await link.write(report);
  }

  private takeTag(): number {
    for (let i = 0; i < 255; i++) {
      const tag = this.nextTag;
      this.nextTag = (this.nextTag % 255) + 1; // 1–255; 0 is never used
      if (!this.pending.has(tag)) return tag;
    }
    throw new DeviceError(KIND, 'busy', 'too many requests in flight');
  }

  private setStatus(status: DeviceStatus): void {
    if (status.state === this.lastStatus.state && status.detail === this.lastStatus.detail) return;
    this.lastStatus = status;
    this.events.emit('status', { ...status });
  }
}

function asDeviceError(error: unknown): DeviceError {
  if (isDeviceError(error)) return error;
  if (error instanceof HidProtocolError) return new DeviceError(KIND, 'protocol', error.message, 'bad-message');
  if (error instanceof TypeError || error instanceof RangeError) throw error; // a caller's bug
  return new DeviceError(KIND, 'protocol', String(error), 'bad-message');
}
