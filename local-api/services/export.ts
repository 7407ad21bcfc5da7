import { stringify } from 'csv-stringify'
import { performance } from 'node:perf_hooks'
import type { Readable } from 'node:stream'
import type { ConversationFilter } from '../db/conversations.js'
import type { ExportRow } from '../db/export.js'
import type { MessageMeta } from '../db/messages.js'
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
  // Last, so the columns before them keep their places: the property the conversation belongs to,
  // the language a guest message is written in (told offline; empty when it could not be told), and
  // the message in the reader's language where there is one (a guest message's kept translation into
  // `translateTo`; for a reply sent translated, what staff wrote).
  'property_id',
  'language',
  'translation',
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

/** The message in the reader's language, where there is one (see EXPORT_COLUMNS). */
function translationOf(row: ExportRow, store: Store, translateTo: string | undefined): string {
  if (row.direction === 'out') {
    const original = row.meta ? (JSON.parse(row.meta) as MessageMeta).original : undefined
    return original ? defuseFormula(original.text) : ''
  }
  if (!translateTo || !row.language || row.language.split('-')[0] === translateTo.split('-')[0]) return ''
  const kept = store.translations.get(row.language, row.text, translateTo)
  return kept ? defuseFormula(kept) : ''
}

function record(row: ExportRow, translation: string): string[] {
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
    row.language ?? '',
    translation,
  ]
}

/** How long formatting rows may hold the event loop before it lets others through. */
const SLICE_MS = 2

/**
 * The filtered history as CSV, one row per message, streamed: rows are read a chunk at a time (off
 * this thread, as of the moment the export began) and written only as fast as the reader takes
 * them, so memory stays flat however long the history and pushes go on meanwhile.
 */
export function createExportService(store: Store) {
  return {
    async csv(filter: Omit<ConversationFilter, 'limit' | 'before'>, translateTo?: string): Promise<{ rows: number; stream: Readable }> {
      const read = await store.exports.read(filter)
      const stream = stringify({ header: true, columns: [...EXPORT_COLUMNS], bom: true })
      void (async () => {
        try {
          for (let chunk = await read.next(); chunk.length; chunk = await read.next()) {
            let slice = performance.now()
            for (const row of chunk) {
              if (stream.destroyed) return
              if (!stream.write(record(row, translationOf(row, store, translateTo)))) await drained(stream)
              // Formatting a chunk takes a while: pushes and the inbox go first every few ms (a
              // timer, not setImmediate: every request and commit waiting on the loop runs first).
              if (performance.now() - slice > SLICE_MS) {
                await new Promise((resolve) => setTimeout(resolve, 0))
                slice = performance.now()
              }
            }
          }
          stream.end()
        } catch (error) {
          stream.destroy(error as Error)
        } finally {
          read.close()
        }
      })()
      return { rows: read.count ?? 0, stream }
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
