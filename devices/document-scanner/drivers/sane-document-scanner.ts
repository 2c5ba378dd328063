import { spawn } from 'node:child_process';
import type { DeviceInfo, DeviceStatus, SelfTestResult } from '../../contract.js';
import { cancelledError, DeviceError, type DeviceErrorCode } from '../../errors.js';
import { TypedEmitter } from '../../events.js';
import { type OperationContext, OperationKernel } from '../../operations/kernel.js';
import type {
  DocumentScanner,
  DocumentScannerCapabilities,
  DocumentScannerEvents,
  ScannedImage,
  ScanRequest,
} from '../contract.js';
import { checkScanRequest, isBlankScan, MAX_SCAN_BYTES, wholeBed } from '../scan-limits.js';
import { PnmError, PnmReader } from './pnm-reader.js';
import { scanimageFailure } from './scanimage-errors.js';
import { parseSaneOptions, type SaneDeviceOptions } from './sane-options.js';

export interface SaneDocumentScannerOptions {
  /** The SANE device name, e.g. `epson2:libusb:001:004`, or `test:0` for SANE's test backend. */
  device: string;
  /** The `scanimage` binary (Debian `sane-utils`). */
  command?: string;
  /** Extra environment for `scanimage`, e.g. `SANE_CONFIG_DIR` for a private `dll.conf`. */
  env?: Record<string, string>;
  /** How often an open scanner's presence is checked (`scanimage -f`), ms. */
  pollMs?: number;
}

/** Grace between SIGTERM and SIGKILL of a `scanimage` that must stop. */
const KILL_GRACE_MS = 1_000;
/** Listing and option reading are quick; a scanimage that hangs here is a fault. */
const QUERY_TIMEOUT_MS = 10_000;

/**
 * A flatbed scanner through SANE (docs/scanner.md), driving Debian's `scanimage`: `-f` lists the
 * devices (presence, polled while open), `-A` gives the capabilities, and a scan streams a PNM from
 * stdout into one buffer. Cancelling, a timeout or closing kills the child; its stderr gives the
 * typed error (cover open, out of documents, busy, I/O).
 */
export class SaneDocumentScanner implements DocumentScanner {
  readonly kind = 'document-scanner' as const;
  private readonly events = new TypedEmitter<DocumentScannerEvents>();
  private readonly kernel = new OperationKernel('document-scanner');
  private readonly command: string;
  private readonly pollMs: number;
  private opened = false;
  private unplugged = false;
  private options: SaneDeviceOptions | undefined;
  private lastStatus: DeviceStatus;
  private poller: ReturnType<typeof setInterval> | undefined;
  private polling = false;
  /** Ends the poll's own listing when the device closes. */
  private session = new AbortController();

  constructor(private readonly config: SaneDocumentScannerOptions) {
    this.command = config.command ?? 'scanimage';
    this.pollMs = config.pollMs ?? 2_000;
    this.lastStatus = this.status();
  }

  info(): DeviceInfo {
    return { kind: this.kind, model: this.config.device, vendor: 'SANE' };
  }

  /** Read from the scanner when it opens; before that, what every flatbed offers at least. */
  capabilities(): DocumentScannerCapabilities {
    const known = this.options?.capabilities;
    if (known) return { resolutions: [...known.resolutions], modes: [...known.modes], bed: { ...known.bed } };
    return { resolutions: [75, 150, 300], modes: ['colour', 'grey'], bed: { widthMm: 210, heightMm: 297 } };
  }

  status(): DeviceStatus {
    if (this.unplugged) return { state: 'offline', detail: 'unplugged' };
    if (!this.opened) return { state: 'offline', detail: 'closed' };
    return { state: 'online' };
  }

  on<K extends keyof DocumentScannerEvents>(event: K, listener: (payload: DocumentScannerEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  async open(signal?: AbortSignal): Promise<void> {
    if (this.opened) return;
    await this.kernel.run('open', signal, async (ctx) => {
      if (!(await this.listed(ctx.signal))) {
        this.unplugged = true;
        this.changed();
        throw this.error('not-connected', `SANE lists no ${this.config.device}`, 'unplugged');
      }
      const text = await this.query(['-d', this.config.device, '-A'], ctx.signal);
      try {
        this.options = parseSaneOptions(text);
      } catch (error) {
        throw this.error('protocol', (error as Error).message, 'options');
      }
    });
    if (this.opened) return;
    this.unplugged = false;
    this.opened = true;
    this.session = new AbortController();
    this.poller = setInterval(() => void this.poll(), this.pollMs);
    this.changed();
  }

  async close(): Promise<void> {
    if (!this.opened) return;
    this.release(this.error('not-connected', 'the scanner was closed', 'closed'));
    this.changed();
  }

  selfTest(signal?: AbortSignal): Promise<SelfTestResult> {
    return this.operation('selfTest', signal, false, async (ctx) => {
      const checks: SelfTestResult['checks'] = [{ name: 'link', passed: true }];
      try {
        const options = parseSaneOptions(await this.query(['-d', this.config.device, '-A'], ctx.signal));
        checks.push({ name: 'options', passed: true });
        // The lamp, carriage and sensor: a preview of the whole bed at the lowest resolution.
        const dpi = options.capabilities.resolutions[0] ?? 75;
        const preview = await this.acquire(ctx, { area: wholeBed(options.capabilities), dpi, mode: 'grey', timeoutMs: QUERY_TIMEOUT_MS });
        preview.pixels.fill(0);
        checks.push({ name: 'preview', passed: true });
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        const detail = error instanceof DeviceError ? (error.detail ?? error.code) : 'options';
        checks.push({ name: 'preview', passed: false, detail });
      }
      return { passed: checks.every((check) => check.passed), checks };
    });
  }

  scan(request: ScanRequest, signal?: AbortSignal): Promise<ScannedImage> {
    let checked: ReturnType<typeof checkScanRequest>;
    try {
      checked = checkScanRequest(request, this.capabilities());
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.operation('scan', signal, true, async (ctx) => {
      ctx.deadline(checked.timeoutMs, () => this.error('timeout', `no image within ${checked.timeoutMs} ms`, 'scan-timeout'));
      const image = await this.acquire(ctx, checked);
      if (isBlankScan(image)) {
        image.pixels.fill(0);
        throw this.error('user-action-needed', 'nothing on the bed', 'no-document');
      }
      return image;
    });
  }

  private operation<T>(name: string, signal: AbortSignal | undefined, exclusive: boolean, body: (ctx: OperationContext) => Promise<T>): Promise<T> {
    if (signal?.aborted) return Promise.reject(cancelledError(this.kind, name));
    if (!this.opened) {
      const detail = this.unplugged ? 'unplugged' : 'closed';
      return Promise.reject(this.error('not-connected', `${name}: the scanner is ${detail === 'closed' ? 'not open' : 'not connected'}`, detail));
    }
    return this.kernel.run(name, signal, body, { exclusive, parent: this.session.signal });
  }

  /** Runs one scan with `scanimage`, streaming its PNM into a buffer; the child dies with the operation. */
  private acquire(ctx: OperationContext, request: ScanRequest & { area: NonNullable<ScanRequest['area']> }): Promise<ScannedImage> {
    const modeName = this.options?.modeNames[request.mode] ?? request.mode;
    const { xMm, yMm, widthMm, heightMm } = request.area;
    const args = ['-d', this.config.device, '--format=pnm', '--mode', modeName, '--resolution', String(request.dpi)];
    args.push('-l', mm(xMm), '-t', mm(yMm), '-x', mm(widthMm), '-y', mm(heightMm));
    const reader = new PnmReader(MAX_SCAN_BYTES);
    return new Promise<ScannedImage>((resolve, reject) => {
      let stderr = '';
      let failure: DeviceError | undefined;
      const child = this.spawn(args, ctx.signal);
      child.stdout.on('data', (chunk: Buffer) => {
        if (failure) return;
        try {
          reader.push(chunk);
        } catch (error) {
          failure = this.error('protocol', error instanceof PnmError ? error.message : String(error), 'pnm');
          child.kill('SIGKILL');
        }
      });
      child.stderr.on('data', (chunk: Buffer) => {
        if (stderr.length < 4_096) stderr += chunk.toString('utf8');
        // A SANE status it names (cover open, no document, jammed…) ends this scan. scanimage gets
        // the kill grace to stop the backend itself, then is killed: stopping after a failed read can
        // hang (seen with SANE's test backend under load), and the resident would wait for the deadline.
        const known = failure ? undefined : scanimageFailure(stderr);
        if (known) {
          failure = this.error(known.code, known.message, known.detail);
          const hard = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
          hard.unref();
          child.once('close', () => clearTimeout(hard));
        }
      });
      child.on('error', (error) => {
        failure ??= this.error('hardware-fault', `cannot run ${this.command}: ${error.message}`, 'no-scanimage');
      });
      child.on('close', (code) => {
        const pixels = reader.complete();
        if (!failure && pixels) {
          resolve({ widthPx: reader.widthPx, heightPx: reader.heightPx, channels: reader.channels, pixels, dpi: request.dpi, mode: request.mode, area: request.area });
          return;
        }
        reader.wipe();
        reject(failure ?? this.fromStderr(stderr, code));
      });
    });
  }

  /** The typed error a failed `scanimage` stands for, from its messages (scanimage-errors.ts). */
  private fromStderr(stderr: string, code: number | null): DeviceError {
    const known = scanimageFailure(stderr);
    if (known) return this.error(known.code, known.message, known.detail);
    const message = stderr.trim().split('\n').at(-1) ?? '';
    return new DeviceError(this.kind, 'hardware-fault', message || `scanimage ended with ${String(code)} and no image`, 'scan-failed', {
      vendorCode: String(code),
    });
  }

  /** Whether SANE lists the configured device now. */
  private async listed(signal: AbortSignal): Promise<boolean> {
    const text = await this.query(['-f', '%d%n'], signal);
    return text.split('\n').some((line) => line.trim() === this.config.device);
  }

  /** Runs a short `scanimage` query and returns its stdout; rejects with the signal's reason. */
  private query(args: string[], signal: AbortSignal): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const child = this.spawn(args, signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), QUERY_TIMEOUT_MS);
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        if (out.length < 65_536) out += chunk.toString('utf8');
      });
      child.stderr.resume();
      child.on('error', (error) => reject(this.error('not-connected', `cannot run ${this.command}: ${error.message}`, 'no-scanimage')));
      child.on('close', () => {
        clearTimeout(timer);
        if (signal.aborted) reject(signal.reason as unknown);
        else resolve(out);
      });
    });
  }

  /** Spawns scanimage; when `signal` fires the child gets SIGTERM, then SIGKILL after a grace. */
  private spawn(args: string[], signal: AbortSignal) {
    const child = spawn(this.command, args, { env: { ...process.env, ...this.config.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stop = (): void => {
      child.kill('SIGTERM');
      const hard = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
      hard.unref();
      child.once('close', () => clearTimeout(hard));
    };
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
    child.once('close', () => signal.removeEventListener('abort', stop));
    return child;
  }

  /** Checks the open scanner is still listed; when it is gone, everything in flight fails `not-connected`. */
  private async poll(): Promise<void> {
    if (this.polling || !this.opened) return;
    this.polling = true;
    const session = this.session;
    try {
      const present = await this.listed(session.signal);
      if (!present && this.opened && session === this.session) {
        this.unplugged = true;
        this.release(this.error('not-connected', `${this.config.device} is no longer listed by SANE`, 'unplugged'));
        this.changed();
      }
    } catch {
      // closed while listing, or scanimage could not run: the next poll or operation tells
    } finally {
      this.polling = false;
    }
  }

  private release(error: DeviceError): void {
    this.opened = false;
    if (this.poller !== undefined) clearInterval(this.poller);
    this.poller = undefined;
    this.session.abort(error);
    this.kernel.failAll(error);
  }

  private changed(): void {
    const next = this.status();
    if (next.state !== this.lastStatus.state || next.detail !== this.lastStatus.detail) {
      this.lastStatus = next;
      this.events.emit('status', next);
    }
  }

  private error(code: DeviceErrorCode, message: string, detail?: string): DeviceError {
    return new DeviceError(this.kind, code, message, detail);
  }
}

/** Millimetres as scanimage takes them (it rounds to the backend's quantisation). */
function mm(value: number): string {
  return String(Math.round(value * 100) / 100);
}
