import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ScenarioHead, type Scenario, type Step, type StepKind, STEP_SCHEMAS, type Text } from './format.js';

/** A scenario file refused before any kiosk starts: where (file, line, column, field) and why. */
export class ScenarioError extends Error {
  readonly code = 'invalid-scenario';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    /** The field at fault as a path, e.g. `steps[3].finger.quality`. */
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${field}: ${reason}`);
  }
}

type Path = Array<string | number>;

const root = join(import.meta.dirname, '../..');
let englishMessages: unknown;

/** Reads, parses and validates one scenario file; throws ScenarioError at the first problems (all listed). */
export function loadScenario(file: string): Scenario {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ScenarioError(file, 0, 0, '(file)', `cannot read it: ${(error as Error).message}`);
  }
  return parseScenario(file, source);
}

export function parseScenario(file: string, source: string): Scenario {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (path: Path, reason: string): ScenarioError => {
    const { line, col } = positionOf(doc, lines, path);
    return new ScenarioError(file, line, col, fieldName(path), reason);
  };
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const { line, col } = lines.linePos(first.pos[0]);
    throw new ScenarioError(file, line, col, '(yaml)', first.message.split('\n')[0]!);
  }
  const data: unknown = doc.toJS();
  const head = ScenarioHead.safeParse(data);
  if (!head.success) throw firstIssue(head.error, [], at);

  const steps: Step[] = [];
  head.data.steps.forEach((raw, i) => {
    const path: Path = ['steps', i];
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw at(path, `a step is a map with one key, one of: ${Object.keys(STEP_SCHEMAS).join(', ')}`);
    const keys = Object.keys(raw);
    if (keys.length !== 1) throw at(path, `a step has exactly one key (found ${keys.length}: ${keys.join(', ') || 'none'})`);
    const kind = keys[0]!;
    if (!(kind in STEP_SCHEMAS)) throw at([...path, kind], `unknown step "${kind}"; one of: ${Object.keys(STEP_SCHEMAS).join(', ')}`);
    const schema = STEP_SCHEMAS[kind as StepKind] as z.ZodType;
    const parsed = schema.safeParse((raw as Record<string, unknown>)[kind]);
    if (!parsed.success) throw firstIssue(parsed.error, [...path, kind], at);
    for (const [keyPath, key] of localeKeys(parsed.data)) {
      if (!hasMessage(key)) throw at([...path, kind, ...keyPath], `no message "${key}" in the locales (locales/en.json)`);
    }
    steps.push({ kind, value: parsed.data, line: positionOf(doc, lines, path).line } as Step);
  });
  const { steps: _raw, ...rest } = head.data;
  return { ...rest, file, steps };
}

/** The first issue, at its field (a union's own issues name the branch that came closest). */
function firstIssue(error: z.ZodError, prefix: Path, at: (path: Path, reason: string) => ScenarioError): ScenarioError {
  const issue = error.issues[0]!;
  const nested = (issue as { errors?: Array<Array<{ path: PropertyKey[]; message: string }>> }).errors;
  // A union: report the branch that got furthest (the longest path), which is what the writer meant.
  if (issue.code === 'invalid_union' && nested && nested.length > 0) {
    const best = nested.flat().sort((a, b) => b.path.length - a.path.length)[0];
    if (best && best.path.length > 0) return at([...prefix, ...(issue.path as Path), ...(best.path as Path)], best.message);
  }
  const keys = (issue as { keys?: string[] }).keys;
  const path = [...prefix, ...(issue.path as Path), ...(issue.code === 'unrecognized_keys' && keys?.[0] ? [keys[0]] : [])];
  return at(path, issue.message);
}

/** The deepest node of `path` that exists in the document, and its line and column (1-based). */
function positionOf(doc: Document, lines: LineCounter, path: Path): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const prefix = path.slice(0, n);
    const node = prefix.length === 0 ? doc.contents : doc.getIn(prefix, true);
    if (isNode(node) && node.range) {
      // For a key that exists, point at the key itself rather than its value.
      const parent = prefix.length > 0 ? (prefix.length === 1 ? doc.contents : doc.getIn(prefix.slice(0, -1), true)) : null;
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === prefix[prefix.length - 1]);
        if (pair && isScalar(pair.key) && pair.key.range) return lines.linePos(pair.key.range[0]);
      }
      return lines.linePos(node.range[0]);
    }
  }
  return { line: 1, col: 1 };
}

function fieldName(path: Path): string {
  return path.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part), '') || '(root)';
}

/** Every locale key a step's value names (Text values), with the path to it inside the value. */
function localeKeys(value: unknown, path: Path = []): Array<[Path, string]> {
  if (typeof value === 'string') return /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(value) && path.length <= 2 && isTextPosition(path) ? [[path, value]] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => localeKeys(item, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === 'key' && typeof v === 'string' ? [[[...path, k], v] as [Path, string]] : TEXT_FIELDS.has(k) || typeof v === 'object' ? localeKeys(v, [...path, k]) : []));
  }
  return [];
}
const TEXT_FIELDS = new Set(['screen', 'text', 'absent', 'alert', 'spoken']);
/** A bare string is a locale key only where a Text goes: a whole `tap`, or an expectation's screen/text/absent/alert/spoken. */
function isTextPosition(path: Path): boolean {
  return path.length === 0 || TEXT_FIELDS.has(String(path[0]));
}

function hasMessage(key: string): boolean {
  englishMessages ??= JSON.parse(readFileSync(join(root, 'locales/en.json'), 'utf8'));
  let node: unknown = englishMessages;
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string';
}

/** The text a Text names, in `lang`, by `message` (the e2e helpers' `m`). */
export function resolveText(text: Text, message: (key: string, args: Record<string, string>) => string): string {
  if (typeof text === 'string') return message(text, {});
  if ('literal' in text) return text.literal;
  return message(text.key, Object.fromEntries(Object.entries(text.args ?? {}).map(([k, v]) => [k, String(v)])));
}
