/**
 * Turns `<device> <action> [--key value]…` into a control command object. Values are read as JSON
 * when they parse (numbers, true/false, null) and as strings otherwise, so
 * `present --quality 85 --matches true` and `place --profile chan-tai-man` both do what they say;
 * the command schema then validates the result.
 */
export type CliRequest =
  | { kind: 'help' }
  | { kind: 'state'; options: CliOptions }
  | { kind: 'command'; command: Record<string, unknown>; options: CliOptions };

export interface CliOptions {
  url: string | undefined;
  token: string | undefined;
  /** Which running host, when the discovery directory lists several (`--pid`). */
  pid?: number;
}

export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

const OWN_FLAGS = new Set(['url', 'token', 'pid']);

export function parseCliArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliRequest {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
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
  const pid = flags.get('pid');
  if (pid !== undefined) {
    if (!/^\d{1,10}$/.test(pid)) throw new CliUsageError(`--pid takes a process id, not ${pid}`);
    options.pid = Number(pid);
  }
  const [device, action, ...rest] = positional;
  if (device === undefined || device === 'help') return { kind: 'help' };
  if (rest.length > 0) throw new CliUsageError(`unexpected argument ${rest[0]}: parameters are --key value`);
  if (device === 'state') return { kind: 'state', options };
  if (action === undefined) throw new CliUsageError(`${device}: which action? (try "help")`);
  const command: Record<string, unknown> = { device, action };
  for (const [key, value] of flags) {
    if (!OWN_FLAGS.has(key)) command[key] = readValue(value);
  }
  return { kind: 'command', command, options };
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
