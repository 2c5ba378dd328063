import { defineConfig } from 'vitest/config';
import { compiledLocales } from './renderer/i18n/compiled-locales-plugin.js';

export default defineConfig({
  // The renderer's locales are modules built from locales/*.json (virtual:kiosk-locale/<lang>).
  plugins: [compiledLocales()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/contracts/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // The machine has two cores; more workers only make the suites fight for them.
    maxWorkers: 2,
    testTimeout: 15_000,
  },
});
