import type { DeviceStatus } from '../../devices/contract.js';
import {
  type Finger,
  type FingerCapture,
  FINGERS,
  type FingerPrompt,
  type FingerprintCapabilities,
  type FingerprintEvents,
  type FingerprintScanner,
  type MatchResult,
} from '../../devices/fingerprint-scanner/contract.js';
import {
  type BaseSimulatorControl,
  type BaseSimulatorState,
  SimulatedDevice,
  type SimulatorOptions,
} from '../shared/simulated-device.js';
import { syntheticFingerprint } from './image.js';
import { encodeProbeTemplate, MATCH_THRESHOLD, matchScore } from './template.js';

/** What the tester puts on the platen for the next capture. */
export interface FingerPresentation {
  /** 0–100. Below 20 the scanner prompts too-dark, below 40 too-light. */
  quality: number;
  /** Whether this is the card holder's finger: decides the later `match`. */
  matches: boolean;
}

export interface FingerprintScannerControl extends BaseSimulatorControl {
  /** Queues a finger for the next capture (a capture in progress takes it at once). */
  presentFinger(presentation: FingerPresentation): void;
  /** A missing (or bandaged) finger can never be captured: its capture times out. */
  setMissing(finger: Finger, missing?: boolean): void;
  clearQueue(): void;
  state(): FingerprintSimState;
}

export interface FingerprintSimState extends BaseSimulatorState {
  queue: FingerPresentation[];
  missing: Finger[];
}

/** The simulated scanner's image size (500 dpi), also used by sample captured data (backoffice/sample-capture.ts). */
export const IMAGE_WIDTH = 256;
export const IMAGE_HEIGHT = 360;

export class SimulatedFingerprintScanner
  extends SimulatedDevice<FingerprintEvents, FingerprintCapabilities>
  implements FingerprintScanner
{
  readonly control: FingerprintScannerControl;
  private readonly queue: FingerPresentation[] = [];
  private readonly missing = new Set<Finger>();

  constructor(options: SimulatorOptions = {}) {
    super('fingerprint-scanner', options);
    this.control = {
      ...this.baseControl(),
      presentFinger: (presentation) => {
        const quality = presentation.quality;
        if (!Number.isInteger(quality) || quality < 0 || quality > 100) {
          throw new RangeError(`quality must be an integer 0–100, got ${quality}`);
        }
        this.queue.push({ quality, matches: presentation.matches });
        this.stateChanged();
      },
      setMissing: (finger, missing = true) => {
        if (missing) this.missing.add(finger);
        else this.missing.delete(finger);
        this.stateChanged();
      },
      clearQueue: () => {
        this.queue.length = 0;
      },
      state: () => ({
        ...this.baseState(),
        queue: this.queue.map((p) => ({ ...p })),
        missing: FINGERS.filter((f) => this.missing.has(f)),
      }),
    };
  }

  capabilities(): FingerprintCapabilities {
    return { imageWidth: IMAGE_WIDTH, imageHeight: IMAGE_HEIGHT, matchThreshold: MATCH_THRESHOLD };
  }

  protected openStatus(): DeviceStatus {
    return { state: 'online' };
  }

  capture(request: { finger: Finger; timeoutMs: number }, signal?: AbortSignal): Promise<FingerCapture> {
    const { finger, timeoutMs } = request;
    // Bad arguments are the caller's bug, not a device outcome (a typed device error is for what the hardware does; a wrong call is thrown as a RangeError).
    if (!FINGERS.includes(finger)) return Promise.reject(new TypeError(`unknown finger ${String(finger)}`));
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0) {
      return Promise.reject(new RangeError(`timeoutMs must be ≥ 0, got ${timeoutMs}`));
    }
    return this.operation(
      'capture',
      signal,
      async (ctx) => {
        this.prompt('place-finger');
        const stopDeadline = ctx.deadline(timeoutMs, () =>
          this.error('timeout', `no ${finger} within ${timeoutMs} ms`, 'no-finger'),
        );
        await ctx.until(() => this.queue.length > 0 && !this.missing.has(finger));
        stopDeadline(); // the finger is down: the rest is the scanner's own time
        const presented = this.queue.shift();
        if (!presented) throw new Error('capture: the queue emptied under the scanner'); // single-threaded: a bug
        await ctx.sleep(this.delayMs);
        if (presented.quality < 40) {
          this.prompt(presented.quality < 20 ? 'too-dark' : 'too-light');
          await ctx.sleep(this.delayMs);
        }
        this.prompt('lift-finger');
        return {
          finger,
          image: syntheticFingerprint(IMAGE_WIDTH, IMAGE_HEIGHT, finger, presented.quality),
          width: IMAGE_WIDTH,
          height: IMAGE_HEIGHT,
          quality: presented.quality,
          template: encodeProbeTemplate(finger, presented.quality, presented.matches),
        };
      },
      { exclusive: true },
    );
  }

  match(probe: Uint8Array, reference: Uint8Array, signal?: AbortSignal): Promise<MatchResult> {
    return this.operation('match', signal, async (ctx) => {
      await ctx.sleep(this.delayMs / 4);
      const score = matchScore(probe, reference);
      return { score, threshold: MATCH_THRESHOLD, matched: score >= MATCH_THRESHOLD };
    });
  }

  private prompt(prompt: FingerPrompt): void {
    this.events.emit('prompt', { prompt });
  }
}
