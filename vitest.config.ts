import { defineConfig } from 'vitest/config';

const dbTests = ['src/**/*.medium.test.ts', 'src/**/*.http.test.ts', 'tests/**/*.medium.test.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    setupFiles: ['tests/setup/fail-on-console-error.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: [...dbTests, 'tests/e2e/**'],
        },
      },
      {
        extends: true,
        test: { name: 'db', include: dbTests, globalSetup: ['tests/setup/database-template.ts'] },
      },
    ],
  },
});
