import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { ONCE } from '../calendar/config-file.js';
import { installRoot } from '../install-root.js';
import { applyLoopProfile } from './loop-profile.js';
import { type HostConfig, type HostConfigInput, HostConfigSchema } from './schema.js';
import { testModeViolations } from './test-mode.js';

/** A configuration that cannot be used; the message names the file and the field. */
export class ConfigError extends Error {
  readonly code = 'config-invalid';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface ConfigSources {
  env: Record<string, string | undefined>;
  argv: readonly string[];
}

/**
 * Reads the configuration: the JSON file named by `--config FILE` or `KIOSK_CONFIG` (optional),
 * then a few overrides from the command line (`--port N`, `--dev`, `--loop`), over the defaults.
 */
export function loadHostConfig({ env, argv }: ConfigSources): HostConfig {
  const file = argValue(argv, '--config') ?? env.KIOSK_CONFIG;
  const read = file ? readJson(file) : {};
  // `--loop` (or `"loop"` in the file): every device through its real driver and transport.
  const fromFile = argv.includes('--loop') || read.loop !== undefined ? applyLoopProfile(read) : read;
  const overrides: Record<string, unknown> = {};
  const port = argValue(argv, '--port') ?? env.KIOSK_PORT;
  if (port !== undefined) overrides.http = { ...(asRecord(fromFile.http) ?? {}), port: Number(port) };
  if (argv.includes('--dev') || env.KIOSK_DEV === '1') overrides.devMode = true;
  const journal = { ...(asRecord(fromFile.journal) ?? {}) };
  // A launched kiosk keeps its journal on disk by default: payments must survive a crash.
  if (journal.path === undefined) journal.path = join(stateDirectory(env), 'journal.sqlite');
  // Its key lives elsewhere: a copy of the state directory alone must not open the journal.
  if (journal.keyFile === undefined && journal.keyHex === undefined) journal.keyFile = join(keyDirectory(env), 'journal.key');
  overrides.journal = journal;
  return parseHostConfig(
    { rendererDir: resolve(installRoot, 'dist/renderer'), rulesDir: resolve(installRoot, 'config'), ...fromFile, ...overrides },
    file ?? 'defaults',
  );
}

export function parseHostConfig(input: HostConfigInput | Record<string, unknown>, source = 'configuration'): HostConfig {
  const parsed = HostConfigSchema.safeParse(input, ONCE);
  if (!parsed.success) throw new ConfigError(`${source}: ${describeIssues(parsed.error)}`);
  const config = parsed.data;
  if (!config.languages.includes(config.defaultLanguage)) {
    throw new ConfigError(`${source}: defaultLanguage: ${config.defaultLanguage} is not one of languages`);
  }
  const violations = testModeViolations(config);
  if (violations.length > 0) throw new ConfigError(`${source}: ${violations.map(([field, message]) => `${field}: ${message}`).join('; ')}`);
  return config;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

function readJson(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const record = asRecord(json);
  if (!record) throw new ConfigError(`${file}: (root): expected a JSON object`);
  return record;
}

/** Per-user state: KIOSK_STATE_DIR, else $XDG_STATE_HOME/dsi-kiosk, else ~/.local/state/dsi-kiosk. */
function stateDirectory(env: ConfigSources['env']): string {
  const dir = env.KIOSK_STATE_DIR ?? join(env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'dsi-kiosk');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** The journal key's own directory: KIOSK_KEY_DIR, else $XDG_CONFIG_HOME/dsi-kiosk, else ~/.config/dsi-kiosk. */
function keyDirectory(env: ConfigSources['env']): string {
  return env.KIOSK_KEY_DIR ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'dsi-kiosk');
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function argValue(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}
