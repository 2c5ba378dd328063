/**
 * Loads and validates the configuration directory once, at start:
 *   <dir>/holidays/<year>.json, <dir>/fees.json, <dir>/pickup.json, <dir>/kiosk-rules.json.
 * Throws ConfigError naming the file and the JSON path of each bad field; the host must refuse
 * to start rather than quote a wrong fee or promise a wrong pickup time.
 */
import { join } from 'node:path';
import { readConfigFile } from '../calendar/config-file.js';
import { loadHolidayYears } from '../calendar/holidays-loader.js';
import {
  FeesConfigSchema,
  KioskRulesConfigSchema,
  PickupConfigSchema,
  type RulesConfig,
} from './config-schema.js';

export function loadRulesConfig(dir: string): RulesConfig {
  return {
    holidays: loadHolidayYears(join(dir, 'holidays')),
    fees: readConfigFile(join(dir, 'fees.json'), FeesConfigSchema),
    pickup: readConfigFile(join(dir, 'pickup.json'), PickupConfigSchema),
    rules: readConfigFile(join(dir, 'kiosk-rules.json'), KioskRulesConfigSchema),
  };
}
