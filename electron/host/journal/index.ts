export { Journal, type JournalOptions } from './journal.js';
export { resolveJournalKey } from './key.js';
export { crashHookFromSpec, parseCrashSpec, JOURNAL_POINTS, type JournalPoint, type CrashPhase, type CrashHook } from './crash-points.js';
export * from '../../shared/kiosk-api/schemas/journal-states.js';
export { JournalError, type JournalErrorCode } from './errors.js';
export * from './transitions.js';
