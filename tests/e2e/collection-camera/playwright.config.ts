import { defineConfig } from '@playwright/test';
import base, { BROWSER_ARGS, cameraArgs } from '../playwright.config.js';
import { receiptVideo } from './global-setup.js';

/**
 * Collection by receipt with the kiosk camera: Chromium's fake camera plays a receipt's QR code
 * (a launch flag, hence its own configuration, like tests/e2e/biometrics/).
 * Run: npx playwright test -c tests/e2e/collection-camera/playwright.config.ts
 */

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '**/*.fake-camera.ts',
  outputDir: '../../../test-results/collection-camera',
  globalSetup: './global-setup.ts',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  use: {
    ...base.use,
    launchOptions: {
      ...base.use?.launchOptions,
      args: [...BROWSER_ARGS, ...cameraArgs(receiptVideo)],
    },
  },
});
