import { defineConfig } from '@playwright/test';
import base, { BROWSER_ARGS, cameraArgs } from '../playwright.config.js';
import { videoFor } from './global-setup.js';

/**
 * Photo, fingerprint and signature tests. Chromium's fake camera is a launch flag, so each video
 * is its own project: `face` plays a resident's face, `no-face` an empty scene.
 * Run: npx playwright test -c tests/e2e/biometrics/playwright.config.ts
 */
const camera = (video: string) => ({
  ...base.use,
  launchOptions: {
    ...base.use?.launchOptions,
    args: [...BROWSER_ARGS, ...cameraArgs(video)],
  },
});

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '**/*.fake-camera.ts',
  outputDir: '../../../test-results/biometrics',
  globalSetup: './global-setup.ts',
  timeout: 240_000,
  expect: { timeout: 30_000 },
  projects: [
    { name: 'face', testMatch: ['face.fake-camera.ts', 'fingerprint.fake-camera.ts'], use: camera(videoFor('face')) },
    { name: 'no-face', testMatch: 'no-face.fake-camera.ts', use: camera(videoFor('no-face')) },
  ],
});
