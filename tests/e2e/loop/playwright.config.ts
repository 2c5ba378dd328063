import { defineConfig } from '@playwright/test';
import base from '../playwright.config.js';

process.env.KIOSK_E2E_LOOP = '1'; // screenshots go to tests/artifacts/screenshots/loop/

/**
 * The hardware loop in CI: the same end-to-end tests, with every device through its real driver and
 * the simulator at the far end of the real transport (pcsclite → pcscd → vpcd virtual card; serial
 * gauge, terminal and printer on socat pty pairs; the HID scanner driver over a socket): the
 * permanent and non-permanent renewals, a kinship certificate, the authenticity check, and the
 * device faults (decline, lost answer, paper out, card lifted mid-read, unplugged mid-operation).
 * Run: flock /tmp/kiosk-pcscd.lock npx playwright test -c tests/e2e/loop/playwright.config.ts
 */
export default defineConfig({
  ...base,
  testDir: '..',
  testMatch: ['renewal.e2e.ts', 'renew-nonpermanent.e2e.ts', 'kinship-certificate.e2e.ts', 'authenticity.e2e.ts', 'walking-skeleton.e2e.ts', 'loop/*.loop.ts'],
  // One language per service keeps the run to a few minutes; the in-process run covers the rest.
  grep: /renews a permanent ID card end to end in zh-Hant|declined payment|renews a non-permanent|kinship certificate end to end in zh-Hant|genuine card.*\(zh-Hant\)|out of paper|taken away mid-read|loop:/,
  outputDir: '../../../test-results/loop',
  globalSetup: './global-setup.ts',
  timeout: 180_000,
  expect: { timeout: 15_000 },
  use: { ...base.use, hardwareLoop: true } as typeof base.use,
});
