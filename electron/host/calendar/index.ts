/** Public surface of the calendar: Macau time, working days, office hours, holiday files. */
export * from '../../shared/calendar/local-date.js';
export * from '../../shared/calendar/macau-time.js';
export * from '../../shared/calendar/holiday-schema.js';
export * from '../../shared/calendar/working-days.js';
export * from '../../shared/calendar/office-hours.js';
export { ConfigError, type ConfigIssue, readConfigFile, validateConfig, toJsonPath } from './config-file.js';
export { loadHolidayYears } from './holidays-loader.js';
