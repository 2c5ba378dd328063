import { z } from 'zod';

/**
 * A move of an all-simulated kiosk's clock, as the control API takes it (`POST /control/api/clock`)
 * and the scenario files and the CLI write it: jump to an instant (ISO 8601 with an offset), or
 * advance by a duration (`90s`, `15m`, `2h`, `1d`, `1h30m`; negative with a leading `-`).
 */
const DURATION = /^(-)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNIT_MS = [86_400_000, 3_600_000, 60_000, 1000, 1];
/** At most a year either way: enough to cross any window the rules have. */
export const MAX_CLOCK_MOVE_MS = 366 * 86_400_000;

/** Milliseconds of a duration like `1h30m`, or null when it is not one. */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (!match || match.slice(2).every((part) => part === undefined)) return null;
  const ms = match.slice(2).reduce((sum, part, i) => sum + (part === undefined ? 0 : Number(part) * UNIT_MS[i]!), 0);
  return match[1] ? -ms : ms;
}

export const Duration = z
  .string()
  .max(40)
  .refine((text) => parseDuration(text) !== null, 'a duration like 90s, 15m, 2h, 1d or 1h30m')
  .refine((text) => Math.abs(parseDuration(text) ?? 0) <= MAX_CLOCK_MOVE_MS, 'at most 366 days');

export const Instant = z.iso.datetime({ offset: true });

export const ClockCommand = z.union([z.strictObject({ jumpTo: Instant }), z.strictObject({ advanceBy: Duration })]);
export type ClockCommand = z.output<typeof ClockCommand>;
