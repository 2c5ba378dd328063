/**
 * What the CLI prints after a command: only the fields of the device's state that the command
 * changed, one per line (`paper: "ok" → "out"`), instead of the whole state (`--json` prints that).
 * Nested objects are walked (`link.framesSent`); arrays are compared whole and shown by length
 * and their last item, which is what a tester looks for (a new transaction, a queued outcome).
 */
export function describeChanges(before: unknown, after: unknown): string[] {
  const a = flatten(before);
  const b = flatten(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys.filter((key) => a.get(key) !== b.get(key)).map((key) => `${key}: ${show(a.get(key))} → ${show(b.get(key))}`);
}

/** One line per device for `state`: its status and its scalar fields (`--json` prints everything). */
export function summariseState(state: Record<string, unknown>): string[] {
  return Object.entries(state).map(([name, value]) => {
    if (value === null || typeof value !== 'object') return `${name}: ${show(JSON.stringify(value))}`;
    const fields = Object.entries(value as Record<string, unknown>)
      .map(([key, field]) => (Array.isArray(field) ? `${key}: ${field.length}` : field !== null && typeof field === 'object' ? undefined : `${key}: ${JSON.stringify(field)}`))
      .filter((field): field is string => field !== undefined);
    return `${name}  ${fields.join('  ')}`;
  });
}

function flatten(value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, field] of Object.entries(value)) flatten(field, prefix ? `${prefix}.${key}` : key, into);
  } else if (Array.isArray(value)) {
    into.set(prefix, `[${value.length}] ${value.length > 0 ? JSON.stringify(value[value.length - 1]) : ''}`.trim());
  } else {
    into.set(prefix, JSON.stringify(value) ?? 'undefined');
  }
  return into;
}

function show(value: string | undefined): string {
  if (value === undefined) return '(none)';
  return value.length > 120 ? `${value.slice(0, 117)}…` : value;
}
