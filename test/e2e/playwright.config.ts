import { defineConfig } from '@playwright/test'

/**
 * The inbox UI in real Chromium against real `frontdesk serve` processes (each spec file starts its
 * own on a fresh data dir). Chromium is Debian's (/usr/bin/chromium, installed by .ci/run);
 * Playwright never downloads a browser here. CHROMIUM_PATH points elsewhere if needed.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/e2e',
  fullyParallel: false,
  // Two spec files at once, one per core: each has its own desk and server (fixtures.ts), and a file's
  // tests run in order. The whole run takes about half as long as one file after another.
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  retries: 0,
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 860 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
})
