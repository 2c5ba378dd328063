import type { HostConfig } from './schema.js';
import { allDevicesSimulated, backofficeSimulatorEnabled } from './test-mode.js';

/**
 * The host's clock. A tester may start an all-simulated kiosk at a chosen instant (office hours on
 * a working day, a holiday, just before a renewal window opens); time then runs on at the real pace
 * from there. The hardware loop counts as simulated (its far ends are simulators). A kiosk with any real device, or a real back office, always runs on the real clock:
 * a shifted clock must never date a real payment or application.
 */
export function clockFromConfig(config: Pick<HostConfig, 'simulators' | 'devices' | 'backoffice' | 'testMode'> & Partial<Pick<HostConfig, 'loop'>>): () => Date {
  const startsAt = config.simulators.clockStartsAt;
  // The hardware loop's far ends are simulators too: real drivers, no real money or card (config/test-mode.ts).
  const allSimulated = allDevicesSimulated(config) && backofficeSimulatorEnabled(config);
  if (startsAt === undefined || !allSimulated) return () => new Date();
  const offset = Date.parse(startsAt) - Date.now();
  return () => new Date(Date.now() + offset);
}
