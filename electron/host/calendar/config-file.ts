/**
 * Reading an operator-replaceable JSON file and validating it once, at start.
 *
 * Lives in calendar/ because calendar is the lowest layer that loads data files; services/
 * builds on it. A bad file is a deployment error, so this throws (the host refuses to start)
 * with a message that names the file and the JSON path of every bad field.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';

export interface ConfigIssue {
  /** JSON path of the bad field, e.g. `$.fees["kinship-certificate-electronic"].amountAvos`. */
  path: string;
  message: string;
}

export class ConfigError extends Error {
  /** Stable code: errors crossing IPC keep only data, so callers match on this, not instanceof. */
  readonly code = 'config-invalid';
  readonly file: string;
  readonly issues: readonly ConfigIssue[];

  constructor(file: string, issues: readonly ConfigIssue[]) {
    const detail = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    super(`Invalid configuration file ${file}: ${detail}`);
    this.name = 'ConfigError';
    this.file = file;
    this.issues = issues;
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function toJsonPath(path: readonly PropertyKey[]): string {
  let result = '$';
  for (const key of path) {
    if (typeof key === 'number') result += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) result += `.${key}`;
    else result += `[${JSON.stringify(String(key))}]`;
  }
  return result;
}

/**
 * How a schema parses what it sees once, at start (the configuration, the operator's data files):
 * without zod's fast path. On an object's first parse zod generates and compiles a parser for its
 * shape (`new Function`), which pays only for a schema parsed again and again (the KioskApi's
 * messages); for these it was ~25 ms of the host's start (docs/performance.md, wave 29). The same
 * checks run either way: only the code that runs them differs.
 */
export const ONCE = { jitless: true } as const;

/** Validates already-parsed JSON; `file` only labels the error. */
export function validateConfig<Schema extends z.ZodType>(
  file: string,
  data: unknown,
  schema: Schema,
): z.infer<Schema> {
  // Once per start: zod's compiled fast path would cost more to generate than it saves (ONCE).
  const result = schema.safeParse(data, ONCE);
  if (result.success) return result.data;
  throw new ConfigError(
    file,
    result.error.issues.map((issue) => ({ path: toJsonPath(issue.path), message: issue.message })),
  );
}

export function readConfigFile<Schema extends z.ZodType>(file: string, schema: Schema): z.infer<Schema> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [{ path: '$', message: `cannot read file (${describe(error)})` }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, [{ path: '$', message: `not valid JSON (${describe(error)})` }]);
  }
  return validateConfig(file, data, schema);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
