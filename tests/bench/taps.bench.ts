/**
 * `npm run bench:taps`: the worst taps of a permanent renewal in Debian's Chromium, by Event Timing
 * (every interaction's duration: input delay, handlers, the next paint), unthrottled and with 4x CPU
 * throttling (CDP `Emulation.setCPUThrottlingRate`, standing in for a low-end kiosk PC). The walks
 * are Playwright tests (walks/taps.walk.ts) reusing the e2e host fixture and steps; 3 walks per
 * throttle (1 quick). Figures: p98 of every tap's duration, and the worst tap. JSON line last.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stats } from './support/renewal.js';

const root = join(import.meta.dirname, '../..');
const artifacts = join(root, 'tests/artifacts/bench');
// Only this run's walks count: earlier runs' files go first.
mkdirSync(artifacts, { recursive: true });
for (const name of readdirSync(artifacts)) if (name.startsWith('taps-')) rmSync(join(artifacts, name));
const run = spawnSync('npx', ['playwright', 'test', '-c', 'tests/bench/walks/playwright.config.ts', 'tests/bench/walks/taps.walk.ts'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
if (run.status !== 0) process.exit(run.status ?? 1);

type Tap = { name: string; duration: number; target: string; control?: string; phases?: string; scripts?: string[] };
const figures: Record<string, number> = {};
for (const throttle of [1, 4]) {
  const files = readdirSync(artifacts).filter((name) => name.startsWith(`taps-${throttle}x-walk`));
  const walks = files.map((name) => JSON.parse(readFileSync(join(artifacts, name), 'utf8')) as Tap[]);
  const taps = walks.flat();
  const durations = taps.map((tap) => tap.duration);
  const sorted = [...durations].sort((a, b) => a - b);
  const p98 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.98))] ?? NaN;
  const worst = [...taps].sort((a, b) => b.duration - a.duration).slice(0, 3);
  console.log(`CPU ${throttle}x: ${taps.length} taps over ${walks.length} walk(s) (Event Timing reports those ≥ 16 ms); p98 ${p98} ms; median ${stats(durations).median} ms; worst: ${worst.map((t) => `${t.duration} ms ${t.name} "${t.target}"`).join('; ')}`);
  // Where the slowest taps spent their time (long animation frames' scripts), to find the cause.
  for (const tap of worst) console.log(`  ${tap.duration} ms ${tap.name} "${tap.target}" ${tap.control ?? ''} (${tap.phases ?? ''})\n    ${(tap.scripts ?? []).join('\n    ') || '(no script of 5 ms or more: style, layout, paint or another task)'}`);
  // Each control's taps over the walks (the same tap of each walk), slowest first: a change's effect
  // on one tap shows here even when a busy machine moves the p98.
  const byControl = new Map<string, number[]>();
  for (const tap of taps) byControl.set(`"${tap.target}"`, [...(byControl.get(`"${tap.target}"`) ?? []), tap.duration]);
  const perControl = [...byControl].map(([name, list]) => ({ name, list, median: stats(list).median })).sort((a, b) => b.median - a.median);
  console.log(`  per control (median; each walk's): ${perControl.slice(0, 10).map(({ name, list, median }) => `${name} ${median} (${list.join('/')})`).join('; ')}`);
  const key = throttle === 1 ? 'unthrottled' : 'throttled';
  figures[`${key}P98Ms`] = p98;
  figures[`${key}WorstMs`] = sorted.at(-1) ?? NaN;
  figures[`${key}Taps`] = taps.length;
}
console.log(JSON.stringify({ bench: 'taps', ...figures }));
