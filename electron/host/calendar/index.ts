/** Public surface of the calendar: Macau time, working days, office hours, holiday files. */
export * from './local-date.js';
export * from './macau-time.js';
export * from './holiday-schema.js';
export * from './working-days.js';
export * from './office-hours.js';
export { ConfigError, type ConfigIssue, readConfigFile, validateConfig, toJsonPath } from './config-file.js';
export { loadHolidayYears } from './holidays-loader.js';
