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
import { GaugeResident } from './resident.js';

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

export class SimulatedHeightGauge
  extends SimulatedDevice<HeightGaugeEvents, HeightGaugeCapabilities>
  implements HeightGauge
{
  readonly control: HeightGaugeControl;
  private readonly resident = new GaugeResident();
  private readonly sampleMs: number;
  private readonly stableReadings: number;

  constructor(options: HeightGaugeOptions = {}) {
    super('height-gauge', options);
    this.sampleMs = options.sampleMs ?? Math.max(5, Math.round((options.delayMs ?? 0) / 4));
    this.stableReadings = options.stableReadings ?? 3;
    this.control = {
      ...this.baseControl(),
      setHeightMm: (heightMm) => {
        this.resident.setHeightMm(heightMm);
        this.stateChanged();
      },
      setUnstable: (unstable) => {
        this.resident.unstable = unstable;
        this.stateChanged();
      },
      state: () => ({ ...this.baseState(), heightMm: this.resident.heightMm, unstable: this.resident.unstable }),
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
          const reading = this.resident.reading(sample);
          if (reading === null || !this.plausible(reading)) {
            prompt('step-on');
            previous = null;
            agreeing = 0;
          } else {
            if (this.resident.unstable) prompt('stand-straight');
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

  private plausible(mm: number): boolean {
    return mm >= MIN_CM * 10 && mm <= MAX_CM * 10;
  }
}
