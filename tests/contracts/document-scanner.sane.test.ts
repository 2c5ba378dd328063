import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaneDocumentScanner } from '../../devices/document-scanner/drivers/sane-document-scanner.js';
import { SaneTestBed } from '../../simulators/document-scanner/sane-test-bed.js';
import { runDocumentScannerContract } from './document-scanner.contract.js';
import { statusReaches } from '../integration/serial/peers.js';
import { eventually, expectDeviceError } from './shared/helpers.js';

/** How often the driver checks the scanner is still listed, here: unplugging is noticed at once. */
const POLL_MS = 40;

// The scanner contract against the real SANE driver (scanimage) and SANE's test backend, enabled in a
// private SANE_CONFIG_DIR (no root, no /etc edits).
runDocumentScannerContract('SANE driver with the test backend', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-sane-'));
  const bed = new SaneTestBed(dir);
  const scanner = new SaneDocumentScanner({ device: bed.device, env: bed.env, pollMs: POLL_MS });
  return {
    device: scanner,
    driver: {
      disconnect: async () => {
        const wasOpen = scanner.status().state !== 'offline';
        bed.unplug();
        // A real unplug is noticed by the driver's poll; wait for it like the pty fixtures do.
        if (wasOpen) await statusReaches(scanner, (status) => status.detail === 'unplugged');
      },
      reconnect: () => bed.plug(),
      setLatencyMs: (ms) => bed.setReadDelayMs(ms),
      setBed: (content) => bed.setPicture(content),
      setCoverOpen: (open) => bed.setCoverOpen(open),
      setStalled: (stalled) => bed.setReadDelayMs(stalled ? 60_000 : 0),
    },
    dispose: async () => {
      await scanner.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

/** Process ids of the scanimage children that run against this bed (their environment names its dir). */
function scanimagesOf(dir: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(`SANE_CONFIG_DIR=${dir}`)) found.push(Number(entry));
    } catch {
      // gone already, or not ours to read
    }
  }
  return found;
}

describe('SANE driver: a scan that must stop ends its scanimage', () => {
  let dir: string;
  let bed: SaneTestBed;
  let scanner: SaneDocumentScanner;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-sane-'));
    bed = new SaneTestBed(dir);
    // No polling here: only the scans themselves run scanimage.
    scanner = new SaneDocumentScanner({ device: bed.device, env: bed.env, pollMs: 60_000 });
    await scanner.open();
    bed.setReadDelayMs(60_000);
  });
  afterEach(async () => {
    await scanner.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const request = { area: { xMm: 0, yMm: 0, widthMm: 100, heightMm: 100 }, dpi: 150, mode: 'grey' as const, timeoutMs: 10_000 };

  it('on cancel', async () => {
    const controller = new AbortController();
    const scanning = scanner.scan(request, controller.signal);
    await eventually(() => scanimagesOf(dir).length === 1);
    controller.abort();
    await expectDeviceError(scanning, 'cancelled');
    await eventually(() => scanimagesOf(dir).length === 0, 3_000);
  });

  it('on timeout', async () => {
    await expectDeviceError(scanner.scan({ ...request, timeoutMs: 200 }), 'timeout');
    await eventually(() => scanimagesOf(dir).length === 0, 3_000);
  });

  it('on close', async () => {
    const scanning = scanner.scan(request);
    await eventually(() => scanimagesOf(dir).length === 1);
    await scanner.close();
    await expectDeviceError(scanning, 'not-connected');
    await eventually(() => scanimagesOf(dir).length === 0, 3_000);
  });
});
