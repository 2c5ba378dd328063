import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/contracts/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // The machine has two cores; more workers only make the suites fight for them.
    maxWorkers: 2,
    testTimeout: 15_000,
  },
});
