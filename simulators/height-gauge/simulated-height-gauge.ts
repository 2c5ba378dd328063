import type { DeviceStatus } from '../../devices/contract.js';
import type {
  HeightGauge,
  HeightGaugeCapabilities,
  HeightGaugeEvents,
  HeightMeasurement,
} from '../../devices/height-gauge/contract.js';
import {
  type BaseSimulatorControl,
  type BaseSimulatorState,
  SimulatedDevice,
  type SimulatorOptions,
} from '../shared/simulated-device.js';
import { Stabiliser } from '../../devices/height-gauge/drivers/stabiliser.js';
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
   * Samples every `sampleMs` and reads the samples as the serial driver does (the same stabiliser):
   * nobody (or an implausible reading outside the capabilities' range) prompts step-on, someone
   * arriving or fidgeting stand-straight, agreeing readings measuring; `stableReadings` agreeing
   * readings in a row give the result, after a step-off prompt.
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
        const stabiliser = new Stabiliser({ stableReadings: this.stableReadings, toleranceMm: TOLERANCE_MM, minMm: MIN_CM * 10, maxMm: MAX_CM * 10 });
        for (let sample = 0; ; sample++) {
          const step = stabiliser.push(this.resident.reading(sample));
          if (step.prompt) this.events.emit('prompt', { prompt: step.prompt });
          if (step.heightMm !== undefined) return { heightMm: step.heightMm };
          await ctx.sleep(this.sampleMs);
        }
      },
      { exclusive: true },
    );
  }
}
