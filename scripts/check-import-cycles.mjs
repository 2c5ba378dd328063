#!/usr/bin/env node
// Fails when the project's own modules import each other in a cycle (run by `npm run lint`).
// A cycle makes the order modules initialise in depend on who is imported first, and hides a
// missing layer: two modules that need each other are one module, or share a third.
// Reads every tracked .ts/.tsx/.mts file, follows relative imports (type-only ones too: a cycle
// of types is still two modules that cannot be read apart) and prints each cycle found.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '*.ts', '*.tsx', '*.mts'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file && !file.endsWith('.d.ts') && existsSync(join(root, file)));

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|(?:^|[\s;])import\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** The file a relative specifier names: `./x.js` is written for `./x.ts` or `./x.tsx`. */
function target(from, specifier) {
  const base = resolve(dirname(join(root, from)), specifier);
  const stem = base.replace(/\.(m?js|jsx)$/, '');
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, join(base, 'index.ts')]) {
    if (candidate.match(/\.(ts|tsx|mts)$/) && existsSync(candidate)) return relative(root, candidate);
  }
  return undefined;
}

/**
 * Cycles known and owned elsewhere this wave, each with its reason; an entry must match a whole
 * cycle exactly, so a cycle that grows fails again. Empty is the goal.
 */
const KNOWN = new Map([]);

const graph = new Map();
for (const file of files) {
  const text = readFileSync(join(root, file), 'utf8');
  const edges = new Set();
  for (const match of text.matchAll(IMPORT)) {
    const to = target(file, match[1] ?? match[2] ?? match[3]);
    if (to) edges.add(to);
  }
  graph.set(file, [...edges]);
}

// Tarjan's strongly connected components: every component of more than one file (or a file importing itself) is a cycle.
let index = 0;
const indices = new Map();
const lowlinks = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function connect(file) {
  indices.set(file, index);
  lowlinks.set(file, index);
  index++;
  stack.push(file);
  onStack.add(file);
  for (const next of graph.get(file) ?? []) {
    if (!indices.has(next)) {
      connect(next);
      lowlinks.set(file, Math.min(lowlinks.get(file), lowlinks.get(next)));
    } else if (onStack.has(next)) {
      lowlinks.set(file, Math.min(lowlinks.get(file), indices.get(next)));
    }
  }
  if (lowlinks.get(file) !== indices.get(file)) return;
  const component = [];
  let member;
  do {
    member = stack.pop();
    onStack.delete(member);
    component.push(member);
  } while (member !== file);
  if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component.sort());
}
for (const file of graph.keys()) if (!indices.has(file)) connect(file);

const named = cycles.map((cycle) => cycle.join(' ⇄ '));
const unknown = named.filter((cycle) => !KNOWN.has(cycle));
for (const cycle of named.filter((cycle) => KNOWN.has(cycle))) console.warn(`known import cycle (${KNOWN.get(cycle)}): ${cycle}`);
if (unknown.length > 0) {
  console.error(`${unknown.length} import cycle(s):`);
  for (const cycle of unknown) console.error(`- ${cycle}`);
  process.exit(1);
}
console.log(`no new import cycles (${graph.size} modules)`);
