/**
 * What electron/main logs through. The host's JSON-lines logger satisfies it; tests pass a
 * recorder so they can assert that a refused message was reported.
 */
export interface MainLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
