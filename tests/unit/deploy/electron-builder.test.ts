import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { loadHostConfig as LoadHostConfig } from '../../../electron/host/config/load.js';

/**
 * The packaged Electron app holds everything the host reads at start. The host finds the
 * service-rules data at `<app>/config` (the loader's rulesDir, relative to the compiled files), so
 * `config/**` must be packed beside `dist/**`: without it a packaged kiosk refuses to start (no
 * fees, no holidays). Packaging itself cannot run here (docs/electron.md), so the file list is checked.
 */
const yml = readFileSync('electron-builder.yml', 'utf8');
const filesBlock = /^files:\n((?: {2}- .+\n)+)/m.exec(yml)?.[1] ?? '';
const patterns = filesBlock
  .split('\n')
  .map((line) => line.replace(/^ {2}- /, '').trim().replace(/^'(.*)'$/, '$1'))
  .filter(Boolean);

/** electron-builder's file patterns as used here: `dir/**` (everything below) or an exact path; `!` excludes. */
function matches(pattern: string, file: string): boolean {
  return pattern.endsWith('/**') ? file.startsWith(pattern.slice(0, -2)) : file === pattern;
}
function packed(file: string): boolean {
  const included = patterns.some((pattern) => !pattern.startsWith('!') && matches(pattern, file));
  return included && !patterns.some((pattern) => pattern.startsWith('!') && matches(pattern.slice(1), file));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

describe('electron-builder packs what the app reads', () => {
  it('packs config/ (fees, holidays, pickup, kiosk rules) with the compiled app and the renderer', () => {
    expect(patterns).toEqual(expect.arrayContaining(['dist/**', 'config/**', 'package.json']));
    const operatorData = walk('config').map((file) => relative('.', file));
    expect(operatorData).toEqual(expect.arrayContaining(['config/fees.json', 'config/pickup.json', 'config/kiosk-rules.json']));
    expect(operatorData.some((file) => /^config\/holidays\/\d{4}\.json$/.test(file))).toBe(true);
    for (const file of operatorData) expect(packed(file), file).toBe(true);
  });

  it('leaves out browser mode’s start bundle (Electron’s main runs dist/node) but keeps the main and the renderer', () => {
    expect(packed('dist/host/standalone.js')).toBe(false);
    expect(packed('dist/node/electron/main/index.js')).toBe(true);
    expect(packed('dist/renderer/index.html')).toBe(true);
  });

  it('the compiled loader looks for config/ at the packaged app’s root', async () => {
    const { loadHostConfig } = (await import(resolve('dist/node/electron/host/config/load.js'))) as { loadHostConfig: typeof LoadHostConfig };
    const scratch = mkdtempSync(join(tmpdir(), 'kiosk-builder-'));
    const config = loadHostConfig({ env: { KIOSK_STATE_DIR: join(scratch, 'state'), KIOSK_KEY_DIR: join(scratch, 'keys') }, argv: [] });
    expect(relative('.', config.rulesDir)).toBe('config');
    expect(packed(relative('.', join(config.rulesDir, 'fees.json')))).toBe(true);
    expect(packed(relative('.', join(config.rendererDir, 'index.html')))).toBe(true);
  });
});
