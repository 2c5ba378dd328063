/**
 * `npm run bench:bundle`: what the renderer's first paint has to load. Builds the renderer (vite,
 * the shipped config), then measures the entry chunk (the module script in index.html plus the
 * chunks it imports statically, i.e. everything loaded before the first paint), the total JS, and
 * each lazily loaded chunk, raw and gzip. Prints a table, then one JSON line (last).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = join(import.meta.dirname, '../..');
const outDir = join(root, 'dist/renderer');
await build({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: 'warn', build: { chunkSizeWarningLimit: 4000 } });

const kib = (bytes: number): number => Number((bytes / 1024).toFixed(1));
const assets = join(outDir, 'assets');
const files = readdirSync(assets).filter((name) => name.endsWith('.js'));
const sizes = new Map(
  files.map((name) => {
    const code = readFileSync(join(assets, name));
    return [name, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length, code: code.toString('utf8') }] as const;
  }),
);

// The entry, then every chunk it (transitively) imports with a static `import … from "./x.js"`.
const html = readFileSync(join(outDir, 'index.html'), 'utf8');
const entry = html.match(/<script type="module"[^>]*src="\.\/assets\/([^"]+)"/)?.[1];
if (!entry || !sizes.has(entry)) throw new Error('no entry script in dist/renderer/index.html');
const initial = new Set<string>();
const visit = (name: string): void => {
  if (initial.has(name) || !sizes.has(name)) return;
  initial.add(name);
  const code = sizes.get(name)!.code;
  // Static imports only (`import{…}from"./x.js"` or `import"./x.js"`), never `import("./x.js")`.
  for (const match of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([\w.-]+\.js)["']/g)) visit(match[1]!);
};
visit(entry);

const sum = (names: Iterable<string>, key: 'raw' | 'gzip'): number => [...names].reduce((total, name) => total + sizes.get(name)![key], 0);
const lazy = files.filter((name) => !initial.has(name)).sort((a, b) => sizes.get(b)!.raw - sizes.get(a)!.raw);
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
    totalJsKiB: kib(sum(files, 'raw')),
    totalJsGzipKiB: kib(sum(files, 'gzip')),
    lazyChunks: Object.fromEntries(lazy.map((name) => [name.replace(/-[\w-]{8}\.js$/, ''), { kib: kib(sizes.get(name)!.raw), gzipKiB: kib(sizes.get(name)!.gzip) }])),
  }),
);
