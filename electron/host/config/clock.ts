import type { HostConfig } from './schema.js';
import { allDevicesSimulated, backofficeSimulatorEnabled } from './test-mode.js';

/**
 * The host's clock. A tester may start an all-simulated kiosk at a chosen instant (office hours on
 * a working day, a holiday, just before a renewal window opens); time then runs on at the real pace
 * from there. The hardware loop counts as simulated (its far ends are simulators). A kiosk with any real device, or a real back office, always runs on the real clock:
 * a shifted clock must never date a real payment or application.
 */
export function clockFromConfig(config: ClockConfig): () => Date {
  return adjustableClockFromConfig(config).now;
}

type ClockConfig = Pick<HostConfig, 'simulators' | 'devices' | 'backoffice' | 'testMode'> & Partial<Pick<HostConfig, 'loop'>>;

/** Moves an all-simulated kiosk's clock while it runs (control API `/control/api/clock`). */
export interface ClockControl {
  /** From now on the clock reads `instant` and runs on from there. */
  jumpTo(instant: Date): Date;
  /** The clock moves forward (or back, negative) by `ms`. */
  advanceBy(ms: number): Date;
  /** What the clock reads now, and how far it is from the real one. */
  state(): { now: string; offsetMs: number };
}

/**
 * The same clock, plus its control when the kiosk is all simulated (same rule as `clockStartsAt`):
 * testers cross office hours, midnight or a holiday mid-visit. `control` is null otherwise, so a
 * kiosk touching a real device or back office can never be moved off the real time.
 */
export function adjustableClockFromConfig(config: ClockConfig): { now: () => Date; control: ClockControl | null } {
  const startsAt = config.simulators.clockStartsAt;
  // The hardware loop's far ends are simulators too: real drivers, no real money or card (config/test-mode.ts).
  const allSimulated = allDevicesSimulated(config) && backofficeSimulatorEnabled(config);
  if (!allSimulated) return { now: () => new Date(), control: null };
  let offset = startsAt === undefined ? 0 : Date.parse(startsAt) - Date.now();
  const now = (): Date => new Date(Date.now() + offset);
  return {
    now,
    control: {
      jumpTo: (instant) => {
        if (Number.isNaN(instant.getTime())) throw new RangeError('the instant is not a valid date');
        offset = instant.getTime() - Date.now();
        return now();
      },
      advanceBy: (ms) => {
        if (!Number.isFinite(ms)) throw new RangeError('the duration is not a finite number of milliseconds');
        offset += ms;
        return now();
      },
      state: () => ({ now: now().toISOString(), offsetMs: offset }),
    },
  };
}
