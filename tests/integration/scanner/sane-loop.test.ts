import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SaneDocumentScanner } from '../../../devices/document-scanner/drivers/sane-document-scanner.js';
import { parseHostConfig } from '../../../electron/host/config/load.js';
import { applyLoopProfile } from '../../../electron/host/config/loop-profile.js';
import { applyControlCommand } from '../../../simulators/control/commands.js';
import { SaneTestBed, saneTestBedControl } from '../../../simulators/document-scanner/sane-test-bed.js';
import { createSimulators } from '../../../simulators/index.js';

/**
 * The document scanner in the hardware loop: the loop profile names the SANE driver and a private
 * SANE_CONFIG_DIR, and the tester's control commands reach SANE's test backend through it.
 */
describe('document scanner in the hardware loop (SANE test backend)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('joins the loop only when the file asks for SANE, in the loop directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-loop-'));
    dirs.push(dir);
    const base = { rendererDir: 'x', rulesDir: 'y' };
    const plain = parseHostConfig({ ...base, ...applyLoopProfile({ loop: { dir } }) });
    expect(plain.devices['document-scanner']).toEqual({ driver: 'simulator' });
    const sane = parseHostConfig({ ...base, ...applyLoopProfile({ loop: { dir }, devices: { 'document-scanner': { driver: 'sane' } } }) });
    expect(sane.devices['document-scanner']).toMatchObject({ driver: 'sane', device: 'test:0', configDir: join(dir, 'sane') });
  });

  it('the control API lays documents, empties the bed and lifts the lid of a real SANE device', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-sane-'));
    dirs.push(dir);
    const bed = new SaneTestBed(dir);
    const { controls } = createSimulators();
    controls['document-scanner'] = saneTestBedControl(bed);
    const scanner = new SaneDocumentScanner({ device: bed.device, env: bed.env, pollMs: 60_000 });
    await scanner.open();
    try {
      const request = { area: { xMm: 0, yMm: 0, widthMm: 40, heightMm: 40 }, dpi: 75, mode: 'colour' as const, timeoutMs: 5_000 };
      await expect(scanner.scan(request)).rejects.toMatchObject({ code: 'user-action-needed', detail: 'no-document' });
      applyControlCommand(controls, { device: 'document-scanner', action: 'place', document: 'id-card' });
      expect((await scanner.scan(request)).widthPx).toBe(118);
      applyControlCommand(controls, { device: 'document-scanner', action: 'set-cover', open: true });
      await expect(scanner.scan(request)).rejects.toMatchObject({ detail: 'cover-open' });
      applyControlCommand(controls, { device: 'document-scanner', action: 'set-cover', open: false });
      expect((await scanner.selfTest()).passed).toBe(true);
    } finally {
      await scanner.close();
    }
  });
});
