import type { DeviceErrorCode } from '../../errors.js';

/** A failed `scanimage`'s cause, as the kiosk types it. */
export interface ScanimageFailure {
  code: DeviceErrorCode;
  detail: string;
  /** The line of stderr that says so. */
  message: string;
}

const KNOWN: ReadonlyArray<readonly [RegExp, DeviceErrorCode, string]> = [
  [/cover is open/i, 'user-action-needed', 'cover-open'],
  [/out of documents|no documents/i, 'user-action-needed', 'no-document'],
  [/device busy/i, 'busy', 'scanner-busy'],
  [/jammed/i, 'hardware-fault', 'jammed'],
  [/error during device i\/o|invalid argument|no such device/i, 'not-connected', 'io-error'],
];

/**
 * The first line of `scanimage`'s stderr that names a SANE status the kiosk knows. Not only the
 * last line: after a failed `sane_read` scanimage may go on to print what followed from it (e.g.
 * "received signal 13" when its output pipe was gone), which is not the cause.
 */
export function scanimageFailure(stderr: string): ScanimageFailure | undefined {
  for (const line of stderr.split('\n')) {
    const message = line.trim();
    for (const [pattern, code, detail] of KNOWN) {
      if (pattern.test(message)) return { code, detail, message };
    }
  }
  return undefined;
}
