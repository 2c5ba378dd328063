/**
 * `npm run bench:photo`: camera open → first face guidance shown on the live photo step, in
 * Debian's Chromium with the fake camera playing a face, over permanent renewals walked as the e2e
 * tests walk them (walks/photo.walk.ts): the detector is warmed during the fingerprint steps
 * (renderer/biometrics/warm-up.ts). Median of 3 walks (1 quick). JSON line last.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stats } from './support/renewal.js';

const root = join(import.meta.dirname, '../..');
const artifacts = join(root, 'tests/artifacts/bench');
mkdirSync(artifacts, { recursive: true });
for (const name of readdirSync(artifacts)) if (name.startsWith('photo-walk')) rmSync(join(artifacts, name));
const run = spawnSync('npx', ['playwright', 'test', '-c', 'tests/bench/walks/playwright.config.ts', 'tests/bench/walks/photo.walk.ts'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
if (run.status !== 0) process.exit(run.status ?? 1);

const waits: number[] = [];
for (const name of readdirSync(artifacts).filter((file) => file.startsWith('photo-walk'))) {
  const marks = JSON.parse(readFileSync(join(artifacts, name), 'utf8')) as { cameraOpenedAt?: number; firstGuidanceAt?: number; guidance?: string };
  if (marks.cameraOpenedAt === undefined || marks.firstGuidanceAt === undefined) throw new Error(`${name}: no camera or no guidance noted`);
  waits.push(marks.firstGuidanceAt - marks.cameraOpenedAt);
  console.log(`${name}: first guidance "${marks.guidance}" ${(marks.firstGuidanceAt - marks.cameraOpenedAt).toFixed(0)} ms after the camera opened`);
}
const figures = stats(waits);
console.log(JSON.stringify({ bench: 'photo', walks: waits.length, medianFirstGuidanceMs: figures.median, maxFirstGuidanceMs: figures.max }));
