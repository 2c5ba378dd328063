import type { DeviceSet } from '../../../devices/index.js';
import { DEVICE_KINDS } from '../../../devices/kinds.js';
import { createSimulators, type SimulatorControls } from '../../../simulators/index.js';
import type { HostConfig } from '../config/schema.js';

export interface ComposedDevices {
  devices: DeviceSet;
  /** Present when at least one class is simulated: what the tester control API drives. */
  simulatorControls: SimulatorControls | undefined;
}

/**
 * The one composition root that chooses, per device class, a real driver or a simulator from
 * configuration (style rule 2). Nothing else in the host branches on "simulated or real".
 */
export function composeDevices(config: HostConfig): ComposedDevices {
  const simulators = createSimulators({
    delayMs: config.simulators.delayMs,
    paymentDefault: config.simulators.paymentDefault,
  });
  const devices = {} as Record<keyof DeviceSet, DeviceSet[keyof DeviceSet]>;
  for (const kind of DEVICE_KINDS) {
    const choice = config.devices[kind];
    switch (choice.driver) {
      case 'simulator':
        devices[kind] = simulators.devices[kind];
        break;
    }
  }
  const anySimulated = DEVICE_KINDS.some((kind) => config.devices[kind].driver === 'simulator');
  return { devices: devices as DeviceSet, simulatorControls: anySimulated ? simulators.controls : undefined };
}
