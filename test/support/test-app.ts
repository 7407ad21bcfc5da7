import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DATABASE_FILE } from '../../local-api/db/open.js'
import type { Scope } from '../../local-api/domain/scopes.js'
import { buildServer, type App, type ServerConfig } from '../../local-api/server.js'
import { createApiToken } from '../../local-api/services/api-tokens.js'

export interface TestApp {
  app: App
  dataDir: string
  /**
   * A connection of the test's own to the store's file, to look at rows directly (the app's store
   * hides its connection); opened on first use, closed with the app.
   */
  readonly db: Database.Database
  /** A token with these scopes (default: every scope but admin), optionally bound to a property. */
  token(scopes?: Scope[], propertyId?: string): string
  close(): Promise<void>
}

export function tempDir(prefix = 'frontdesk-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/**
 * A real server on a real SQLite file in a fresh temp dir (or `config.dataDir`); tests talk to it
 * with inject().
 */
export async function startTestApp(config: Partial<ServerConfig> = {}): Promise<TestApp> {
  const dataDir = config.dataDir ?? tempDir()
  const app = await buildServer({ defaultCountry: 'CH', ...config, dataDir })
  await app.ready()
  let db: Database.Database | undefined
  return {
    app,
    dataDir,
    get db() {
      db ??= new Database(join(dataDir, DATABASE_FILE))
      return db
    },
    token(scopes = ['guest.conversation.write', 'guest.conversation.read', 'reservation.write', 'reservation.read'], propertyId) {
      return createApiToken(app.store, { name: 'test', scopes, propertyId }).token
    },
    async close() {
      db?.close()
      await app.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export const PUSH_URL = '/api/unified-messaging-service/guest-conversations/messages'

export interface PushedMessageInput {
  phone?: string
  email?: string
  platform?: 'WEBSITE_CHAT' | 'PHONE_CALL'
  direction?: 'RECEIVED' | 'SENT'
  text?: string
  at?: string
  externalId?: string
}

/** A dialect-1 message body with sensible defaults. */
export function pushedMessage(input: PushedMessageInput = {}) {
  return {
    guestIdentifier: input.email ? { type: 'EMAILADDRESS', value: input.email } : { type: 'PHONENUMBER', value: input.phone ?? '+41791234567' },
    platform: input.platform ?? 'WEBSITE_CHAT',
    direction: input.direction ?? 'RECEIVED',
    content: { type: 'text', text: { text: input.text ?? 'Hi, I would like to book a room' } },
    messageCreatedAt: input.at ?? new Date().toISOString(),
    ...(input.externalId ? { externalId: input.externalId } : {}),
  }
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` }
}
