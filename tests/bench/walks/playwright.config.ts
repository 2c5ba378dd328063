import { defineConfig } from '@playwright/test';
import e2e from '../../e2e/playwright.config.js';

/**
 * The benches' walks in Chromium: taps.walk.ts (`npm run bench:taps`) and photo.walk.ts (`npm run bench:photo`),
 * with the e2e tests' browser, fake camera and host fixture; never part of `npm test`.
 */
export default defineConfig({
  ...e2e,
  testDir: '.',
  testMatch: '*.walk.ts',
  globalSetup: '../../e2e/biometrics/global-setup.ts',
  outputDir: '../../../test-results/bench-walks',
  timeout: 600_000,
  reporter: 'line',
});
