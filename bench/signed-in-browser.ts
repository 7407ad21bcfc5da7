/** What the bench's Chromium parts share: a desk on a store, and a page of Chromium signed in to it as an admin. */
import { chromium, type Page } from '@playwright/test'
import { existsSync } from 'node:fs'
import { openStore } from '../local-api/db/store.js'
import { createAgentService } from '../local-api/services/agents.js'
import { startServer } from '../local-api/start-server.js'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const AGENT = { name: 'Bench Agent', email: 'bench@example.com', password: 'quiet lake morning 7', role: 'admin' as const }

export const chromiumAvailable = () => existsSync(CHROMIUM)

/** Serves `dataDir` on 127.0.0.1 and opens a 1400×900 page signed in as the bench's admin (made on first use). */
export async function openSignedInPage(dataDir: string): Promise<{ url: string; page: Page; close(): Promise<void> }> {
  const store = openStore(dataDir)
  try {
    const created = await createAgentService(store).create(AGENT)
    if (!created.ok && !created.problems.some((p) => p.message.includes('already used'))) throw new Error(JSON.stringify(created.problems))
  } finally {
    store.close()
  }
  const server = await startServer({ dataDir, port: 0, host: '127.0.0.1', rateLimitPerMinute: 1e9, logger: false })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const close = async () => {
    await browser.close()
    await server.close()
  }
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    const signIn = await context.request.post(`${server.url}/v1/session`, { data: { email: AGENT.email, password: AGENT.password } })
    if (!signIn.ok()) throw new Error(`bench sign-in failed: ${signIn.status()}`)
    return { url: server.url, page: await context.newPage(), close }
  } catch (error) {
    await close()
    throw error
  }
}
