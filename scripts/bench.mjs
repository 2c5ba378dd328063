// `npm run bench [-- NAME… | --quick | --check | --last]`: builds, then runs the benchmarks (every
// `bench:*` script in package.json, or the NAMEs given) in turn. Each prints its figures and ends
// with one JSON line; those lines are kept in tests/artifacts/bench/latest.json (merged by name).
// `--quick` asks each benchmark for a short run (BENCH_QUICK=1: fewer samples, noisier figures).
// `--check` compares the figures with bench/budgets.json and names those over budget (exit 2);
// `--last` checks the figures of earlier runs without running anything; `--no-build` skips the build
// (the benches that need the renderer's or the host's build output use what is in dist/). CI is
// not gated on any of it.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, ensureNodeModules, root } from './lib/setup.mjs';
import { checkBudgets } from './lib/budgets.mjs';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const names = args.filter((a) => !a.startsWith('--'));
const known = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts)
  .filter((name) => name.startsWith('bench:'))
  .map((name) => name.slice('bench:'.length));
const unknown = names.filter((name) => !known.includes(name));
if (unknown.length) {
  console.error(`✗ unknown benchmark(s): ${unknown.join(', ')}; known: ${known.join(', ')}`);
  process.exit(64);
}
const latestFile = join(root, 'tests/artifacts/bench/latest.json');
const latest = existsSync(latestFile) ? JSON.parse(readFileSync(latestFile, 'utf8')) : {};

/** Runs one `bench:NAME` script, echoing its output; resolves to its last JSON line (or null). */
function runBench(name) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', `bench:${name}`], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...(flags.has('--quick') ? { BENCH_QUICK: '1' } : {}) },
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      let figures = null;
      try {
        figures = JSON.parse(last);
      } catch {
        figures = null;
      }
      resolve({ code, figures });
    });
  });
}

let failed = 0;
if (!flags.has('--last')) {
  ensureNodeModules();
  if (!flags.has('--no-build')) build();
  for (const name of names.length ? names : known) {
    console.log(`\n• bench:${name}`);
    const { code, figures } = await runBench(name);
    if (code !== 0 || !figures) {
      failed++;
      console.error(`✗ bench:${name} failed (exit ${code}${figures ? '' : ', no JSON last line'})`);
      continue;
    }
    latest[name] = { ...figures, at: new Date().toISOString(), quick: flags.has('--quick') };
  }
  mkdirSync(join(root, 'tests/artifacts/bench'), { recursive: true });
  writeFileSync(latestFile, `${JSON.stringify(latest, null, 2)}\n`);
}

if (flags.has('--check')) {
  const budgets = JSON.parse(readFileSync(join(root, 'bench/budgets.json'), 'utf8'));
  const { lines, over, missing } = checkBudgets(budgets, latest, names);
  console.log('\nBudgets (bench/budgets.json):');
  for (const line of lines) console.log(line);
  console.log(JSON.stringify({ bench: 'check', over, missing }));
  if (over.length) process.exit(2);
}
process.exit(failed === 0 ? 0 : 1);
