/** Loads every config/holidays/<year>.json; the file name must match the year inside it. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, readConfigFile } from './config-file.js';
import { HolidayYearSchema, type HolidayYear } from '../../shared/calendar/holiday-schema.js';

const YEAR_FILE = /^(\d{4})\.json$/;

export function loadHolidayYears(directory: string): HolidayYear[] {
  let names: string[];
  try {
    names = readdirSync(directory).filter((name) => YEAR_FILE.test(name)).sort();
  } catch {
    throw new ConfigError(directory, [{ path: '$', message: 'holiday directory cannot be read' }]);
  }
  if (names.length === 0) {
    throw new ConfigError(directory, [{ path: '$', message: 'no <year>.json holiday file found' }]);
  }
  return names.map((name) => {
    const file = join(directory, name);
    const holidays = readConfigFile(file, HolidayYearSchema);
    const fileYear = Number(YEAR_FILE.exec(name)?.[1]);
    if (holidays.year !== fileYear) {
      throw new ConfigError(file, [
        { path: '$.year', message: `year ${holidays.year} does not match the file name ${name}` },
      ]);
    }
    return holidays;
  });
}
