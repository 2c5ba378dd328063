import { defineConfig } from '@playwright/test';
import e2e from '../../e2e/playwright.config.js';

/**
 * The tap bench's walks (taps.walk.ts), run by `npm run bench:taps` (tests/bench/taps.bench.ts)
 * with the e2e tests' browser, fake camera and host fixture; never part of `npm test`.
 */
export default defineConfig({
  ...e2e,
  testDir: '.',
  testMatch: '*.walk.ts',
  globalSetup: '../../e2e/biometrics/global-setup.ts',
  outputDir: '../../../test-results/bench-taps',
  timeout: 600_000,
  reporter: 'line',
});
