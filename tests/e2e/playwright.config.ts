import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests run the kiosk in browser mode in Debian's Chromium: Playwright's own browsers
 * cannot be downloaded on the build machines, and neither can Electron's binary.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  outputDir: '../../test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
      ],
    },
    // A portrait kiosk touchscreen.
    viewport: { width: 1080, height: 1920 },
    hasTouch: true,
    locale: 'zh-MO',
    timezoneId: 'Asia/Macau',
    trace: 'retain-on-failure',
  },
});
