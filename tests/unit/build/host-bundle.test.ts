import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Metafile } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { installRoot } from '../../../electron/host/install-root.js';
import { bundleHost } from '../../../scripts/bundle-host.mjs';

/**
 * The browser-mode host starts from one bundle (scripts/bundle-host.mjs, docs/performance.md, cold
 * start) rather than ~250 modules: every launcher runs it, native modules stay outside it, what
 * the host imports lazily stays in chunks of its own, and the bundle starts and finds its files
 * (install-root.ts) from dist/host/.
 */
const BUNDLE = 'dist/host/standalone.js';
const UNBUNDLED = 'dist/node/electron/host/standalone.js';
const LAUNCHERS = [
  'scripts/start.mjs',
  'scripts/systemd/dsi-kiosk-host.service',
  'tests/e2e/support/host-process.ts',
  'tests/e2e/support/fleet.ts',
  'tests/bench/coldstart.bench.ts',
  'scenarios/runner/cli.ts',
];
const NATIVE = ['better-sqlite3', 'sharp', 'serialport', '@serialport', 'pcsclite', 'node-hid'];
const LAZY = ['sharp', 'mqtt', 'qrcode', '@point-of-sale/receipt-printer-encoder', 'serialport'];
const OUTDIR = resolve('tests/artifacts/host-bundle');

/**
 * What loading the entry loads: the output files reached by static imports, their inputs and the
 * packages they import. With `through`, also what the entry's `import()` of those sources loads
 * (standalone.ts imports the host's half, browser-mode-host.ts, once the page is served).
 */
function loadedAtStart(metafile: Metafile, through: string[] = []): { inputs: string[]; externals: string[] } {
  const entry = Object.keys(metafile.outputs).find((file) => file.endsWith('/standalone.js'))!;
  const seen = new Set([entry]);
  const queue = [entry];
  const externals = new Set<string>();
  while (queue.length > 0) {
    for (const imported of metafile.outputs[queue.shift()!]!.imports) {
      const followed = imported.kind === 'import-statement' || (imported.kind === 'dynamic-import' && through.includes(metafile.outputs[imported.path]?.entryPoint ?? ''));
      if (!followed) continue;
      if (imported.external) externals.add(imported.path);
      else if (!seen.has(imported.path)) {
        seen.add(imported.path);
        queue.push(imported.path);
      }
    }
  }
  return { inputs: [...seen].flatMap((file) => Object.keys(metafile.outputs[file]!.inputs)), externals: [...externals] };
}

describe("the host's start bundle", () => {
  it.each(LAUNCHERS)('%s runs the bundle', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(BUNDLE);
    expect(text).not.toContain(UNBUNDLED);
  });

  it("finds the installation's root from the sources", () => {
    expect(installRoot).toBe(resolve('.'));
  });

  const built = bundleHost({ outdir: OUTDIR });

  it('bundles no native module, and what the host loads lazily stays out of its start', async () => {
    const metafile = await built;
    const bundled = Object.keys(metafile.inputs);
    for (const name of NATIVE) expect(bundled.filter((input) => input.startsWith(`node_modules/${name}/`)), name).toEqual([]);
    // Everything the host loads before it is ready (listening): the entry, then the host's half.
    const start = loadedAtStart(metafile, ['electron/host/browser-mode-host.ts']);
    expect(start.inputs).toContain('electron/host/host.ts');
    expect(start.inputs.some((input) => input.startsWith('node_modules/zod/'))).toBe(true);
    expect(start.externals).toContain('better-sqlite3');
    for (const name of LAZY) {
      expect(start.externals, `${name} is imported at start`).not.toContain(name);
      expect(start.inputs.filter((input) => input.startsWith(`node_modules/${name}/`)), `${name} is bundled into the start`).toEqual([]);
    }
  }, 60_000);

  it('serves the page before it loads the host: the entry alone loads no host, journal or KioskApi contract', async () => {
    // standalone.ts serves the page, then imports browser-mode-host.ts (docs/performance.md, wave 28).
    const serving = loadedAtStart(await built);
    expect(serving.inputs).toContain('electron/host/http/browser-mode-server.ts');
    for (const heavy of ['electron/host/host.ts', 'electron/host/browser-mode-host.ts', 'electron/shared/kiosk-api/contract.ts', 'simulators/backoffice/server.ts']) {
      expect(serving.inputs, `${heavy} is loaded before the page is served`).not.toContain(heavy);
    }
    expect(serving.externals).not.toContain('better-sqlite3');
    expect(serving.externals).not.toContain('pino');
  }, 60_000);

  it('holds no module that runs a main of its own when it is the process entry', async () => {
    // In the bundle every module's import.meta.url is the bundle's: such a check would be true for
    // each of them, and (say) the back-office simulator would start its own server inside the host.
    const sources = Object.keys((await built).inputs).filter((input) => !input.startsWith('node_modules/'));
    expect(sources.length).toBeGreaterThan(100);
    const withMain = sources.filter((input) => /pathToFileURL\(process\.argv\[1\]\)/.test(readFileSync(input, 'utf8')));
    expect(withMain).toEqual([]);
  }, 60_000);

  it('starts from its own directory and serves the kiosk', async () => {
    await built;
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-bundle-'));
    writeFileSync(join(dir, 'kiosk.json'), JSON.stringify({ journal: { path: join(dir, 'j.sqlite'), keyFile: join(dir, 'keys', 'j.key') } }));
    // Another working directory: the bundle finds config/ and dist/renderer/ by itself.
    const child = spawn(process.execPath, [join(OUTDIR, 'standalone.js'), '--config', join(dir, 'kiosk.json')], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      // And its start traced step by step (process/start-trace.ts), as docs/performance.md's wave 29 reads it.
      env: { ...process.env, KIOSK_CONTROL_DISCOVERY: '0', KIOSK_START_TRACE: '1' },
    });
    try {
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // `serving` first (the page may load while the host starts), then `listening` (ready).
      const events: string[] = [];
      const info = await new Promise<{ event: string; url: string }>((done, fail) => {
        child.once('exit', (code) => fail(new Error(`the bundled host exited ${code}: ${stderr}`)));
        createInterface({ input: child.stdout }).on('line', (line) => {
          if (!line.startsWith('{')) return;
          const announced = JSON.parse(line) as { event: string; url: string };
          events.push(announced.event);
          if (announced.event === 'listening') done(announced);
        });
      });
      expect(events).toEqual(['serving', 'listening']);
      const page = await fetch(info.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root"');
      expect(installRoot).toBe(resolve('.'));
      // Every step, in order, each with its wall and CPU time (stderr may arrive after stdout's line).
      await vi.waitFor(() => expect(stderr).toContain('start-trace listening '));
      const steps = [...stderr.matchAll(/^start-trace (.+?) wall=[\d.]+ cpu=[\d.]+ \+wall=[\d.]+ \+cpu=[\d.]+$/gm)].map((match) => match[1]);
      expect(steps).toEqual([
        'entry evaluated (Node started, the serving half loaded)',
        'configuration read',
        'serving',
        'imported the contract',
        'imported the tester services',
        'imported host.ts',
        'tester services started',
        'rules loaded',
        'journal opened',
        'devices composed',
        'services built',
        'devices started (availability known)',
        'journal recovered',
        'createHost done',
        'listening',
      ]);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
