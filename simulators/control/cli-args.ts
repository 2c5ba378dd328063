/**
 * Turns `<device> <action> [--key value]…` into a control command object. Values are read as JSON
 * when they parse (numbers, true/false, null) and as strings otherwise, so
 * `present --quality 85 --matches true` and `place --profile chan-tai-man` both do what they say;
 * the command schema then validates the result.
 */
export type CliRequest =
  | { kind: 'help' }
  | { kind: 'state'; options: CliOptions }
  | { kind: 'command'; command: Record<string, unknown>; options: CliOptions }
  /** `clock jump --to <ISO>` / `clock advance --by <duration>`: the control API's `/control/api/clock`. */
  | { kind: 'clock'; move: Record<string, unknown>; options: CliOptions };

export interface CliOptions {
  url: string | undefined;
  token: string | undefined;
  /** Which running host, when the discovery directory lists several (`--pid`). */
  pid?: number;
  /** Which running host by pid, port or URL (`--kiosk`). */
  kiosk?: string;
  /** Print whole answers as JSON (default: only what changed, in words). */
  json?: boolean;
}

export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

const OWN_FLAGS = new Set(['url', 'token', 'pid', 'kiosk']);

export function parseCliArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliRequest {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--json') {
      flags.set('json', 'true');
      continue;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const key = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (!key) throw new CliUsageError(`malformed option ${arg}`);
      if (value === undefined) throw new CliUsageError(`--${key} needs a value`);
      if (flags.has(key)) throw new CliUsageError(`--${key} is given twice`);
      flags.set(key, value);
    } else {
      positional.push(arg);
    }
  }
  const options: CliOptions = {
    url: flags.get('url') ?? env.KIOSK_CONTROL_URL,
    token: flags.get('token') ?? env.KIOSK_CONTROL_TOKEN,
  };
  if (flags.has('json')) options.json = true;
  flags.delete('json');
  const kiosk = flags.get('kiosk');
  if (kiosk !== undefined) options.kiosk = kiosk;
  const pid = flags.get('pid');
  if (pid !== undefined) {
    if (!/^\d{1,10}$/.test(pid)) throw new CliUsageError(`--pid takes a process id, not ${pid}`);
    options.pid = Number(pid);
  }
  const [device, action, ...rest] = positional;
  if (device === undefined || device === 'help') return { kind: 'help' };
  if (rest.length > 0) throw new CliUsageError(`unexpected argument ${rest[0]}: parameters are --key value`);
  if (device === 'state') return { kind: 'state', options };
  if (device === 'clock') {
    if (action === 'jump' && flags.has('to') && flags.size === 1 + countOwn(flags)) return { kind: 'clock', move: { jumpTo: flags.get('to') }, options };
    if (action === 'advance' && flags.has('by') && flags.size === 1 + countOwn(flags)) return { kind: 'clock', move: { advanceBy: flags.get('by') }, options };
    throw new CliUsageError('clock: "clock jump --to 2026-11-24T22:30:00+08:00" or "clock advance --by 2h"');
  }
  if (action === undefined) throw new CliUsageError(`${device}: which action? (try "help")`);
  const command: Record<string, unknown> = { device, action };
  for (const [key, value] of flags) {
    if (!OWN_FLAGS.has(key)) command[key] = readValue(value);
  }
  return { kind: 'command', command, options };
}

function countOwn(flags: Map<string, string>): number {
  return [...flags.keys()].filter((key) => OWN_FLAGS.has(key)).length;
}

function readValue(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    // Only scalars: an object or array on a command line is more likely a mistake than intent.
    return value === null || ['number', 'boolean'].includes(typeof value) ? value : text;
  } catch {
    return text;
  }
}
