import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHostConfig, parseHostConfig } from '../../../electron/host/config/load.js';

function configFile(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-config-'));
  const file = join(dir, 'kiosk.json');
  writeFileSync(file, content);
  return file;
}

describe('host configuration', () => {
  it('defaults to all-simulated devices, zh-Hant first, and a 30 s idle warning', () => {
    const config = loadHostConfig({ env: { KIOSK_STATE_DIR: mkdtempSync(join(tmpdir(), 'kiosk-state-')) }, argv: [] });
    expect(Object.values(config.devices).every((d) => d.driver === 'simulator')).toBe(true);
    expect(config.defaultLanguage).toBe('zh-Hant');
    expect(config.idle.warningSeconds).toBeGreaterThanOrEqual(30);
    expect(config.http.host).toBe('127.0.0.1');
  });

  it('keeps the journal of a launched kiosk on disk, in the per-user state directory', () => {
    const state = mkdtempSync(join(tmpdir(), 'kiosk-state-'));
    expect(loadHostConfig({ env: { KIOSK_STATE_DIR: state }, argv: [] }).journal.path).toBe(join(state, 'journal.sqlite'));
    const file = configFile(JSON.stringify({ journal: { path: '/srv/kiosk/journal.sqlite' } }));
    expect(loadHostConfig({ env: { KIOSK_CONFIG: file, KIOSK_STATE_DIR: state }, argv: [] }).journal.path).toBe('/srv/kiosk/journal.sqlite');
  });

  it('reads a file named by KIOSK_CONFIG and lets --port override it', () => {
    const file = configFile(JSON.stringify({ kioskId: 'HQ-07', http: { port: 4000 } }));
    const config = loadHostConfig({ env: { KIOSK_CONFIG: file, KIOSK_STATE_DIR: mkdtempSync(join(tmpdir(), 'kiosk-state-')) }, argv: ['--port', '4100'] });
    expect(config.kioskId).toBe('HQ-07');
    expect(config.http.port).toBe(4100);
  });

  it.each([
    [{ idle: { warningSeconds: 5 } }, 'idle.warningSeconds'],
    [{ devices: { 'card-reader': { driver: 'pcsc-magic' } } }, 'devices.card-reader.driver'],
    [{ http: { host: '0.0.0.0' } }, 'http.host'],
    [{ languages: ['en'], defaultLanguage: 'zh-Hant' }, 'defaultLanguage'],
    [{ kioskld: 'typo' }, 'kioskld'],
  ])('refuses %j with a message naming %s', (input, field) => {
    expect(() => parseHostConfig({ rendererDir: '/x', rulesDir: '/y', ...input }, 'kiosk.json')).toThrowError(
      expect.objectContaining({ code: 'config-invalid', message: expect.stringContaining(field) }),
    );
  });

  it('names the file when it is not JSON', () => {
    const file = configFile('{ kioskId: ');
    expect(() => loadHostConfig({ env: {}, argv: ['--config', file] })).toThrowError(
      expect.objectContaining({ message: expect.stringContaining(file) }),
    );
  });
});
