import type { DeviceStatus } from '../../devices/contract.js';
import type {
  HeightGauge,
  HeightGaugeCapabilities,
  HeightGaugeEvents,
  HeightMeasurement,
  HeightPrompt,
} from '../../devices/height-gauge/contract.js';
import {
  type BaseSimulatorControl,
  type BaseSimulatorState,
  SimulatedDevice,
  type SimulatorOptions,
} from '../shared/simulated-device.js';

export interface HeightGaugeOptions extends SimulatorOptions {
  /** Time between two sensor readings; defaults to a quarter of `delayMs`, at least 5 ms. */
  sampleMs?: number;
  /** Consecutive agreeing readings needed for a result. */
  stableReadings?: number;
}

export interface HeightGaugeControl extends BaseSimulatorControl {
  /** The height of whoever stands on the gauge, in mm; `null` = nobody. */
  setHeightMm(heightMm: number | null): void;
  /** A resident who fidgets: readings disagree until they stand still. */
  setUnstable(unstable: boolean): void;
  state(): HeightGaugeSimState;
}

export interface HeightGaugeSimState extends BaseSimulatorState {
  heightMm: number | null;
  unstable: boolean;
}

const MIN_CM = 50;
const MAX_CM = 230;
/** Readings this close count as agreeing. */
const TOLERANCE_MM = 5;
/** How far a fidgeting resident's readings swing; deterministic so tests are reproducible. */
const WOBBLE_MM = [0, 38, -27, 51, -44, 19];

export class SimulatedHeightGauge
  extends SimulatedDevice<HeightGaugeEvents, HeightGaugeCapabilities>
  implements HeightGauge
{
  readonly control: HeightGaugeControl;
  private heightMm: number | null = null;
  private unstable = false;
  private readonly sampleMs: number;
  private readonly stableReadings: number;

  constructor(options: HeightGaugeOptions = {}) {
    super('height-gauge', options);
    this.sampleMs = options.sampleMs ?? Math.max(5, Math.round((options.delayMs ?? 0) / 4));
    this.stableReadings = options.stableReadings ?? 3;
    this.control = {
      ...this.baseControl(),
      setHeightMm: (heightMm) => {
        if (heightMm !== null && (!Number.isFinite(heightMm) || heightMm < 0)) {
          throw new RangeError(`heightMm must be a number ≥ 0 or null, got ${heightMm}`);
        }
        this.heightMm = heightMm;
        this.stateChanged();
      },
      setUnstable: (unstable) => {
        this.unstable = unstable;
        this.stateChanged();
      },
      state: () => ({ ...this.baseState(), heightMm: this.heightMm, unstable: this.unstable }),
    };
  }

  capabilities(): HeightGaugeCapabilities {
    return { minCm: MIN_CM, maxCm: MAX_CM, resolutionMm: 1 };
  }

  protected openStatus(): DeviceStatus {
    return { state: 'online' };
  }

  /**
   * Samples every `sampleMs`: nobody (or an implausible reading outside the capabilities' range)
   * prompts step-on, a fidgeting resident stand-straight; `stableReadings` agreeing readings in a
   * row give the result, after a step-off prompt.
   */
  measure(request: { timeoutMs: number }, signal?: AbortSignal): Promise<HeightMeasurement> {
    const { timeoutMs } = request;
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0) {
      return Promise.reject(new RangeError(`timeoutMs must be ≥ 0, got ${timeoutMs}`));
    }
    return this.operation(
      'measure',
      signal,
      async (ctx) => {
        ctx.deadline(timeoutMs, () =>
          this.error('timeout', `no stable plausible height within ${timeoutMs} ms`, 'not-stable'),
        );
        let lastPrompt: HeightPrompt | null = null;
        const prompt = (next: HeightPrompt): void => {
          if (next === lastPrompt) return;
          lastPrompt = next;
          this.events.emit('prompt', { prompt: next });
        };
        let previous: number | null = null;
        let agreeing = 0;
        for (let sample = 0; ; sample++) {
          const reading = this.read(sample);
          if (reading === null || !this.plausible(reading)) {
            prompt('step-on');
            previous = null;
            agreeing = 0;
          } else {
            if (this.unstable) prompt('stand-straight');
            agreeing = previous !== null && Math.abs(reading - previous) <= TOLERANCE_MM ? agreeing + 1 : 1;
            previous = reading;
            if (agreeing >= this.stableReadings) {
              prompt('step-off');
              return { heightMm: Math.round(reading) };
            }
          }
          await ctx.sleep(this.sampleMs);
        }
      },
      { exclusive: true },
    );
  }

  private read(sample: number): number | null {
    if (this.heightMm === null) return null;
    return this.unstable ? this.heightMm + (WOBBLE_MM[sample % WOBBLE_MM.length] ?? 0) : this.heightMm;
  }

  private plausible(mm: number): boolean {
    return mm >= MIN_CM * 10 && mm <= MAX_CM * 10;
  }
}
