import type { DeviceHub } from '../../../devices/hub/device-hub.js';
import type { HostConfig } from '../config/schema.js';
import { isTestMode } from '../config/test-mode.js';
import type { KioskHandlers } from '../bridge/server.js';

export const HOST_VERSION = '0.1.0';

export function kioskHandlers(config: HostConfig, hub: DeviceHub): Pick<KioskHandlers, 'kiosk.info' | 'kiosk.health'> {
  return {
    'kiosk.info': async () => ({
      kioskId: config.kioskId,
      version: HOST_VERSION,
      languages: config.languages,
      defaultLanguage: config.defaultLanguage,
      idle: config.idle,
      testMode: isTestMode(config),
      enclosure: config.enclosure,
    }),
    'kiosk.health': async () => ({ devices: hub.health() }),
  };
}
