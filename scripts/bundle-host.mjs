// The browser-mode host's start bundle (issue 20, cold start): electron/host/standalone.ts and
// everything it imports in one ES module in dist/host/, instead of ~250 modules and zod's files
// each resolved, read and linked by Node's ESM loader at every start. What the host imports lazily
// (`import()`: drivers, sharp's users, the fleet link, the receipt renderer) stays lazy: each is a
// chunk of its own in dist/host/chunks/. Native modules and packages that load files by path
// (pino's worker transports) stay outside, required from node_modules as before.
// `npm start` and the tests' host launcher run dist/host/standalone.js; Electron's main still
// loads dist/node/ (tsc). Paths to assets, rules and the renderer come from install-root.ts.
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { root } from './lib/setup.mjs';

/** Loaded from node_modules, never bundled: native addons and what they pull in, and pino. */
export const HOST_EXTERNAL = [
  'better-sqlite3',
  'sharp',
  'serialport',
  '@serialport/*',
  'pcsclite',
  'node-hid',
  'pino',
  'electron',
  // ws's optional native speed-ups (absent: ws falls back to JavaScript).
  'bufferutil',
  'utf-8-validate',
];

export async function bundleHost({ outdir = join(root, 'dist/host') } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { standalone: 'electron/host/standalone.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    external: HOST_EXTERNAL,
    // Class and function names as in the sources (errors and logs print them).
    keepNames: true,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    // The bundled CommonJS packages (ws, …) call require() for Node's own modules.
    banner: { js: "import { createRequire as __kioskCreateRequire } from 'node:module';\nconst require = __kioskCreateRequire(import.meta.url);" },
  });
  return result.metafile;
}

if (process.argv[1] && relative(process.argv[1], new URL(import.meta.url).pathname) === '') {
  const started = performance.now();
  const metafile = await bundleHost();
  const inputs = Object.keys(metafile.inputs).length;
  const outputs = Object.keys(metafile.outputs).filter((file) => file.endsWith('.js')).length;
  console.log(`• Host bundle: ${inputs} modules → ${outputs} files in dist/host/ (${(performance.now() - started).toFixed(0)} ms)`);
}
