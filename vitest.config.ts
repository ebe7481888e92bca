import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/api/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 15_000,
    hookTimeout: 60_000,
  },
});
