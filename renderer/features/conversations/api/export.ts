import i18next from 'i18next'
import type { ConversationFilters } from '@api-contract'
import { fetchOrNoAnswer, problemError, queryString } from '@/api/client'

export interface ExportedCsv {
  /** The file name the server suggests. */
  name: string
  csv: Blob
  /** Rows (messages), as the server announced them. */
  total: number
}

/**
 * The filtered history as CSV (GET /v1/export.csv). The server streams it; it is read as it comes,
 * `onProgress` told how many rows are in so far, out of how many.
 */
export async function exportCsv(filters: ConversationFilters, onProgress: (done: number, total: number) => void): Promise<ExportedCsv> {
  // The translation column in the reader's language (the guest messages the desk has translated into it).
  const translateTo = i18next.resolvedLanguage ?? 'en'
  const response = await fetchOrNoAnswer(`/v1/export.csv${queryString({ ...filters, translateTo })}`, { credentials: 'same-origin' })
  if (!response.ok) throw await problemError(response)
  if (!response.body) throw new Error(i18next.t('errors.server'))
  const total = Number(response.headers.get('x-export-rows') ?? 0)
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'frontdesk-export.csv'
  const parts: Uint8Array[] = []
  const reader = response.body.getReader()
  let lines = 0
  onProgress(0, total)
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    parts.push(value)
    for (const byte of value) if (byte === 10) lines++
    // The header is a line too; a message with line breaks counts more than once, so clamp.
    onProgress(Math.min(total, Math.max(0, lines - 1)), total)
  }
  return { name, csv: new Blob(parts as BlobPart[], { type: 'text/csv' }), total }
}
