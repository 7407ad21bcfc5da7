import { stringify } from 'csv-stringify'
import type { Readable } from 'node:stream'
import type { ConversationFilter } from '../db/conversations.js'
import type { ExportRow } from '../db/export.js'
import type { Store } from '../db/store.js'
import { senderKind, type SenderKind } from '../domain/message-sender.js'

export const EXPORT_COLUMNS = [
  'conversation_id',
  'message_id',
  'channel',
  'guest',
  'guest_phone_or_email',
  'direction',
  'sender',
  'created_at',
  'received_at',
  'type',
  'lead',
  'reservation',
  'message_type',
  'text',
  // Last, so the columns before it keep their places: the property the conversation belongs to.
  'property_id',
] as const

/**
 * A spreadsheet opens a cell starting with = + - @ (or a tab or carriage return) as a formula:
 * such cells get a leading apostrophe, so a guest's text can never run in someone's Excel.
 */
export function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** The sender column: a staff member by name, everyone else by what they are. */
const SENDER_LABELS: Record<Exclude<SenderKind, 'agent'>, string> = { guest: 'guest', 'ai-agent': 'AI agent', property: 'property' }

function record(row: ExportRow): string[] {
  const name = [row.first_name, row.last_name].filter(Boolean).join(' ')
  const kind = senderKind({ direction: row.direction, author: row.author, senderAgent: row.sender_name })
  const sender = kind === 'agent' ? row.sender_name! : SENDER_LABELS[kind]
  // Validated identities (E.164 phones, emails) and our own values are safe as they are; free
  // text (names, the message, a confirmation number from a PMS) is defused.
  const contact = row.identity_kind === 'phone' || row.identity_kind === 'email' ? row.identity_value! : ''
  return [
    row.conversation_id,
    row.message_id,
    row.channel,
    name ? defuseFormula(name) : contact || row.identity_value || '',
    contact,
    row.direction === 'in' ? 'received' : 'sent',
    defuseFormula(sender),
    new Date(row.created_at).toISOString(),
    new Date(row.received_at).toISOString(),
    row.conversation_type ?? '',
    row.lead_status ?? '',
    defuseFormula(row.reservation ?? ''),
    row.content_type,
    defuseFormula(row.text),
    row.property_id,
  ]
}

/**
 * The filtered history as CSV, one row per message, streamed: rows are read a chunk at a time and
 * written only as fast as the reader takes them, so memory stays flat however long the history.
 */
export function createExportService(store: Store) {
  return {
    csv(filter: Omit<ConversationFilter, 'limit' | 'before'>): { rows: number; stream: Readable } {
      const query = store.exports.query(filter)
      const rows = query.count()
      const stream = stringify({ header: true, columns: [...EXPORT_COLUMNS], bom: true })
      void (async () => {
        try {
          let after = 0
          for (let chunk = query.chunkAfter(after); chunk.length; chunk = query.chunkAfter(after)) {
            for (const row of chunk) {
              if (stream.destroyed) return
              if (!stream.write(record(row))) await drained(stream)
            }
            after = chunk.at(-1)!.rowid
            // Let pushes and the inbox through between chunks.
            await new Promise((resolve) => setImmediate(resolve))
            if (stream.destroyed) return
          }
          stream.end()
        } catch (error) {
          stream.destroy(error as Error)
        }
      })()
      return { rows, stream }
    },
  }
}

/** Resolves when the stream wants more, or when it is gone (the download was cancelled). */
const drained = (stream: Readable & { write(chunk: unknown): boolean }) =>
  new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done)
      stream.off('close', done)
      resolve()
    }
    stream.once('drain', done)
    stream.once('close', done)
  })

export type ExportService = ReturnType<typeof createExportService>
