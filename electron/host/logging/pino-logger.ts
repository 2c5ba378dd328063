import { join } from 'node:path';
import { pino } from 'pino';
import type { Logger, LogFields } from '../log.js';
import { RotatingFile } from './rotating-file.js';

/**
 * Field names that may hold a resident's data or a secret, wherever they appear (top level or one
 * level down): pino replaces their values with `[redacted]` before a line is written. Callers pass
 * codes and identifiers only (log.ts); this is the net under that rule, not the rule.
 */
export const REDACTED_FIELDS = [
  'cardNumber',
  'nameZh',
  'nameLatin',
  'dateOfBirth',
  'address',
  'phone',
  'email',
  'pin',
  'password',
  'token',
  'keyHex',
  'face',
  'image',
  'template',
  'payload',
];

export interface PinoLoggerOptions {
  level?: 'debug' | 'info' | 'warn' | 'error';
  /** The state directory: logs go to `<stateDir>/logs/host.log`, rotated. Absent: stderr only. */
  stateDir?: string | undefined;
  maxBytes?: number;
  keep?: number;
  /** Also to stderr (browser mode, journald); default true. */
  stderr?: boolean;
}

/**
 * The host's structured log on pino: JSON lines with the same shape as log.ts's (`time` ISO,
 * `level` by name, `message`), redaction of personal-data fields, to stderr and to a rotating file
 * in the state directory. A device fault's detail (device path, errno, vendor code) arrives as
 * fields from the device hub and stays in the line.
 */
export function createPinoLogger(options: PinoLoggerOptions = {}): Logger & { close(): void } {
  const file = options.stateDir ? new RotatingFile(join(options.stateDir, 'logs', 'host.log'), { maxBytes: options.maxBytes ?? 5 * 1024 * 1024, keep: options.keep ?? 5 }) : undefined;
  const toStderr = options.stderr !== false;
  const destination = {
    write(line: string) {
      if (toStderr) process.stderr.write(line);
      file?.write(line);
    },
  };
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_FIELDS.flatMap((name) => [name, `*.${name}`]), censor: '[redacted]' },
    },
    destination,
  );
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, fields?: LogFields): void => {
      if (fields) logger[level](fields, message);
      else logger[level](message);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), close: () => file?.close() };
}
