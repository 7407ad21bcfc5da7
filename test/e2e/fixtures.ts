import { request as playwrightRequest, test as base, type BrowserContext } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cliCreateToken, spawnServe, type ServeProcess } from '../support/cli-process.js'
import { seedDesk, type SeededDesk } from './seed.js'

export const SCREENSHOTS = new URL('./screenshots/', import.meta.url).pathname

export interface Server {
  url: string
  dataDir: string
  process: ServeProcess
  /** A token for pushing and reading over the API, as a local system would. */
  token: string
  /** A token with every scope, for setting the desk up over the API. */
  adminToken: string
}

async function startServer(dataDir: string): Promise<Server> {
  const process = await spawnServe(dataDir, ['--country', 'CH'])
  const token = await cliCreateToken(dataDir, 'guest.conversation.write,guest.conversation.read,reservation.write,reservation.read', 'e2e')
  const adminToken = await cliCreateToken(dataDir, 'admin', 'e2e admin')
  return { url: process.url, dataDir, process, token, adminToken }
}

/**
 * `freshServer`: a new data dir, never set up (first-run screens).
 * `desk`: a data dir seeded by code (two properties, guests on every channel, a reservation, a lead,
 * an admin) before `frontdesk serve` starts on it. It lives as long as its worker, so spec files
 * run in one worker would share it: each spec declares `test.use({ deskName: '<its name>' })`,
 * which gives it a worker, and so a desk seeded just before it runs, of its own (its changes reach
 * no other spec, and times seeded as "40 min ago" are still 40 min ago).
 */
type Cookies = Parameters<BrowserContext['addCookies']>[0]

export const test = base.extend<{ signedIn: void }, { deskName: string; freshServer: Server; desk: Server & { seed: SeededDesk }; deskSession: Cookies }>({
  deskName: ['shared', { scope: 'worker', option: true }],
  freshServer: [
    async ({}, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-fresh-'))
      const server = await startServer(dataDir)
      await use(server)
      await server.process.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
    { scope: 'worker' },
  ],
  desk: [
    async ({ deskName }, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), `frontdesk-e2e-desk-${deskName}-`))
      const seed = await seedDesk(dataDir, Date.now())
      const server = await startServer(dataDir)
      await use({ ...server, seed })
      await server.process.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
    // Seeding, starting and stopping a desk on a busy 2-core machine may take longer than a test's 30 s.
    { scope: 'worker', timeout: 90_000 },
  ],
  // One sign-in per worker (sign-in is rate limited, as it should be); each test gets its cookie.
  deskSession: [
    async ({ desk }, use) => {
      const api = await playwrightRequest.newContext()
      const response = await api.post(`${desk.url}/v1/session`, { data: { email: desk.seed.admin.email, password: desk.seed.admin.password } })
      if (!response.ok()) throw new Error(`sign-in failed: ${response.status()} ${await response.text()}`)
      const { cookies } = await api.storageState()
      await use(cookies)
      await api.dispose()
    },
    { scope: 'worker' },
  ],
  signedIn: async ({ context, deskSession }, use) => {
    await context.addCookies(deskSession)
    await use()
  },
})

export { expect } from '@playwright/test'
