import type { HostConfig } from './schema.js';
import { allDevicesSimulated, backofficeSimulatorEnabled } from './test-mode.js';

/**
 * The host's clock. A tester may start an all-simulated kiosk at a chosen instant (office hours on
 * a working day, a holiday, just before a renewal window opens); time then runs on at the real pace
 * from there. A kiosk with any real device, or a real back office, always runs on the real clock:
 * a shifted clock must never date a real payment or application.
 */
export function clockFromConfig(config: Pick<HostConfig, 'simulators' | 'devices' | 'backoffice' | 'testMode'>): () => Date {
  const startsAt = config.simulators.clockStartsAt;
  const allSimulated = allDevicesSimulated(config) && backofficeSimulatorEnabled(config);
  if (startsAt === undefined || !allSimulated) return () => new Date();
  const offset = Date.parse(startsAt) - Date.now();
  return () => new Date(Date.now() + offset);
}
