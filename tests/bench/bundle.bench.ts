/**
 * `npm run bench:bundle`: what the renderer's first paint has to load. Builds the renderer (vite,
 * the shipped config), then measures the entry chunk (the module script in index.html plus the
 * chunks it imports statically, i.e. everything loaded before the first paint), the total JS, and
 * each lazily loaded chunk, raw and gzip. Prints a table, then one JSON line (last).
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { rendererChunks } from '../helpers/renderer-chunks.js';

const root = join(import.meta.dirname, '../..');
const outDir = join(root, 'dist/renderer');
await build({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: 'warn', build: { chunkSizeWarningLimit: 4000 } });

const kib = (bytes: number): number => Number((bytes / 1024).toFixed(1));
const chunks = rendererChunks(outDir);
const sizes = new Map(
  [...chunks.code].map(([name, code]) => {
    const bytes = Buffer.from(code, 'utf8');
    return [name, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }] as const;
  }),
);
const initial = new Set(chunks.initial);

const sum = (names: Iterable<string>, key: 'raw' | 'gzip'): number => [...names].reduce((total, name) => total + sizes.get(name)![key], 0);
const lazy = chunks.lazy.sort((a, b) => sizes.get(b)!.raw - sizes.get(a)!.raw);
console.log(`first paint loads ${[...initial].join(', ')}`);
for (const name of [...initial, ...lazy]) {
  const size = sizes.get(name)!;
  console.log(`${initial.has(name) ? 'initial' : 'lazy   '}  ${name.padEnd(48)} ${String(kib(size.raw)).padStart(8)} KiB  ${String(kib(size.gzip)).padStart(7)} KiB gzip`);
}
console.log(
  JSON.stringify({
    bench: 'bundle',
    entryKiB: kib(sum(initial, 'raw')),
    entryGzipKiB: kib(sum(initial, 'gzip')),
    totalJsKiB: kib(sum(sizes.keys(), 'raw')),
    totalJsGzipKiB: kib(sum(sizes.keys(), 'gzip')),
    lazyChunks: Object.fromEntries(lazy.map((name) => [name.replace(/-[\w-]{8}\.js$/, ''), { kib: kib(sizes.get(name)!.raw), gzipKiB: kib(sizes.get(name)!.gzip) }])),
  }),
);
