// What the benchmarks share: number formatting, temp data dirs, row counts, and the raw-SQLite
// insert baseline every throughput figure is a ratio of.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../local-api/db/open.js'
import { guestSearchText } from '../local-api/db/conversations.js'
import { shortGrams } from '../local-api/db/guest-search-grams.js'
import { newId } from '../local-api/domain/ids.js'
import { contentPreview, contentText } from '../local-api/domain/message-content.js'
import { pushBatches, toIncomingMessage, type GenerateOptions } from '../test/fixtures/generate.js'

export const envInt = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`)
  return value
}
export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
export const seconds = (ms: number) => `${fmt(ms / 1000, 1)} s`
export const log = (line: string) => process.stdout.write(`${line}\n`)

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export const dirs: string[] = []
export function freshDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `frontdesk-bench-${label}-`))
  dirs.push(dir)
  return dir
}

export function count(dataDir: string, table: string, where = '1'): number {
  const db = openDatabase(dataDir)
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n
  } finally {
    db.close()
  }
}

export function expectCount(dataDir: string, table: string, expected: number, where = '1'): void {
  const found = count(dataDir, table, where)
  if (found !== expected) throw new Error(`${table}${where === '1' ? '' : ` where ${where}`}: expected ${expected} rows, found ${found}`)
}

/** Messages not written by the desk's AI agent: what was pushed (the agent tells a guest it hands over to staff). */
export const NOT_THE_AI_AGENTS = "author IS NOT 'bot'"

/** The baseline: plain prepared INSERTs of the generated rows, ids precomputed, one transaction per batch. */
export function rawInsertBaseline(data: GenerateOptions, expected: { messages: number; conversations: number }) {
  const dataDir = freshDir('baseline')
  const db = openDatabase(dataDir)
  const propertyId = newId('prop')
  db.prepare('INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES (?, ?, ?, ?, ?)').run(
    propertyId,
    'Bench hotel',
    'CH',
    'UTC',
    data.now,
  )
  const insertIdentity = db.prepare('INSERT INTO guest_identities (rowid, kind, value, created_at) VALUES (?, ?, ?, ?)')
  const insertConversation = db.prepare(`
    INSERT INTO conversations (rowid, id, property_id, channel, identity_rowid, created_at, last_message_at,
      last_message_preview, last_message_direction, last_guest_message_at, unread_count, message_count)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertSearch = db.prepare('INSERT INTO conversation_search (rowid, guest_text) VALUES (?, ?)')
  const insertGram = db.prepare('INSERT INTO conversation_search_grams (gram, conversation_rowid) VALUES (?, ?)')
  const insertMessage = db.prepare(`
    INSERT INTO messages (id, conversation_id, external_id, direction, content_type, content, text, status, created_at, received_at, property_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '${propertyId}')`)

  type Rows = { identities: unknown[][]; conversations: unknown[][]; searches: unknown[][]; grams: unknown[][]; messages: unknown[][] }
  const write = db.transaction((rows: Rows) => {
    for (const row of rows.identities) insertIdentity.run(row)
    for (const row of rows.conversations) insertConversation.run(row)
    for (const row of rows.searches) insertSearch.run(row)
    for (const row of rows.grams) insertGram.run(row)
    for (const row of rows.messages) insertMessage.run(row)
  })

  const identities = new Map<string, number>()
  const conversations = new Map<string, string>()
  let insertMs = 0
  let messages = 0
  const wallStarted = performance.now()
  for (const batch of pushBatches(data)) {
    // Everything but the inserts happens before the clock starts.
    const now = Date.now()
    const rows: Rows = { identities: [], conversations: [], searches: [], grams: [], messages: [] }
    for (const pushed of batch.messages) {
      const message = toIncomingMessage(pushed)
      const { kind, value } = message.identity
      const identityKey = `${kind}|${value}`
      let identityRowid = identities.get(identityKey)
      if (identityRowid === undefined) {
        identityRowid = identities.size + 1
        identities.set(identityKey, identityRowid)
        rows.identities.push([identityRowid, kind, value, now])
      }
      const conversationKey = `${message.channel}|${identityKey}`
      let conversationId = conversations.get(conversationKey)
      if (conversationId === undefined) {
        conversationId = newId('conv')
        const rowid = conversations.size + 1
        conversations.set(conversationKey, conversationId)
        const fromGuest = message.direction === 'in'
        rows.conversations.push([
          rowid,
          conversationId,
          propertyId,
          message.channel,
          identityRowid,
          message.createdAt,
          message.createdAt,
          contentPreview(message.content),
          message.direction,
          fromGuest ? message.createdAt : null,
          fromGuest ? 1 : 0,
          1,
        ])
        const searchText = guestSearchText(null, message.identity)
        rows.searches.push([rowid, searchText])
        for (const gram of shortGrams(searchText)) rows.grams.push([gram, rowid])
      }
      rows.messages.push([
        newId('msg'),
        conversationId,
        message.externalId ?? null,
        message.direction,
        message.content.type,
        JSON.stringify(message.content),
        contentText(message.content),
        'delivered',
        message.createdAt,
        now,
      ])
    }
    const started = performance.now()
    write.immediate(rows)
    insertMs += performance.now() - started
    messages += batch.messages.length
  }
  const wallMs = performance.now() - wallStarted
  db.close()
  expectCount(dataDir, 'messages', expected.messages)
  expectCount(dataDir, 'conversations', expected.conversations)
  return { dataDir, messages, insertMs, wallMs, rate: (messages / insertMs) * 1000 }
}

/** Removes the temp data dirs (BENCH_KEEP=1 keeps them and says where). */
export function removeDirs(): void {
  if (process.env.BENCH_KEEP === '1') log(`\nkept: ${dirs.join(' ')}`)
  else for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}

export type Row = [string, string, string, string]

/** The closing table: measure, result, target, verdict. */
export function printTable(rows: readonly Row[]): void {
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]!.length), ['measure', 'result', 'target', ''][i]!.length))
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()
  log(`\n${line(['measure', 'result', 'target', ''])}`)
  log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of rows) log(line(row))
}

/**
 * The figures of a bench run as they come: each row is printed the moment it is measured (a run
 * cut short still shows what it had), and kept for the closing table. A part that fails is said
 * in its place, as a FAILED row with its reason, and the bench goes on with the others (the exit
 * code then says it failed).
 */
export function createReport() {
  const rows: Row[] = []
  const add = (...measured: Row[]) => {
    for (const row of measured) {
      rows.push(row)
      log(`   → ${row[0]}: ${row[1]}${row[2] ? ` (${row[2]})` : ''}${row[3] ? ` ${row[3]}` : ''}`)
    }
  }
  return {
    rows,
    add,
    /** Runs one part; its failure becomes a FAILED row, and undefined is returned. */
    async part<T>(name: string, work: () => Promise<T> | T): Promise<T | undefined> {
      try {
        return await work()
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        process.exitCode = 1
        add([name, `FAILED: ${reason.split('\n')[0]!.slice(0, 200)}`, '', 'FAILED'])
        if (error instanceof Error && error.stack) log(error.stack.split('\n').slice(0, 6).join('\n'))
        return undefined
      }
    },
  }
}

export type Report = ReturnType<typeof createReport>
