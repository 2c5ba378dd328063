import { defineConfig } from '@playwright/test';
import e2e from '../../e2e/playwright.config.js';

/**
 * The benches' walks in Chromium: taps.walk.ts (`npm run bench:taps`) and photo.walk.ts (`npm run bench:photo`),
 * with the e2e tests' browser, fake camera and host fixture; never part of `npm test`.
 *
 * No Playwright trace here (the e2e tests keep theirs on failure): recording one screencasts the
 * page, and every frame is then copied out of the GPU process and drawn in full in software, 15 to
 * 45 ms a frame on this machine, which delayed every tap's paint by one or two such frames (a 1x
 * Scan tap 104 ms with it, 32 ms without; docs/performance.md, wave 27). A kiosk records no
 * screencast. `BENCH_PW_TRACE=retain-on-failure` brings it back to debug a walk.
 */
export default defineConfig({
  ...e2e,
  use: { ...e2e.use, trace: (process.env.BENCH_PW_TRACE ?? 'off') as 'off' | 'on' | 'retain-on-failure' },
  testDir: '.',
  testMatch: '*.walk.ts',
  globalSetup: '../../e2e/biometrics/global-setup.ts',
  outputDir: '../../../test-results/bench-walks',
  timeout: 600_000,
  reporter: 'line',
});
