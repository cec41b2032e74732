import { defineConfig } from '@playwright/test';

// E2E_PORT lets a spec run against a server already started on another port.
const PORT = Number(process.env.E2E_PORT ?? 3210);

/** Browser journeys on Debian's Chromium (no Playwright browser download) against the built app. */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  forbidOnly: !!process.env.CI,
  // A journey that needs a retry to pass is a bug to fix, not to hide.
  retries: 0,
  workers: 2,
  // axe scans take several seconds each on two cores.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    headless: true,
    // A control that never appears fails the step, instead of waiting for the whole test's timeout.
    actionTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 720 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    // Serves dist/ (run `npm run build` first); an in-memory database keeps every run clean.
    command: 'npx tsx src/app/start.ts',
    env: {
      PGLITE_DIR: 'memory://',
      PORT: String(PORT),
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: '2526',
      // An empty value counts as unset: journeys always run on the embedded database.
      DATABASE_URL: '',
      // Every journey signs in from the same address; the production limit would throttle the suite.
      SIGN_IN_RATE_LIMIT: '1000',
    },
    url: `http://localhost:${PORT}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
