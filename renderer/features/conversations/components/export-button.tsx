import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { queryString } from '@/api/client'
import type { ConversationFilters } from '@api-contract'

type Progress = { state: 'idle' } | { state: 'running'; done: number; total: number } | { state: 'done'; total: number } | { state: 'failed'; reason: string }

/**
 * Exports the filtered history as CSV. The server streams it; the download is read as it comes,
 * counting rows for the progress bar, then handed to the browser to save.
 */
export function ExportButton({ filters }: { filters: ConversationFilters }) {
  const { t } = useTranslation()
  const [progress, setProgress] = useState<Progress>({ state: 'idle' })

  async function run() {
    try {
      const response = await fetch(`/v1/export.csv${queryString({ ...filters })}`, { credentials: 'same-origin' })
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`)
      const total = Number(response.headers.get('x-export-rows') ?? 0)
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'frontdesk-export.csv'
      const parts: Uint8Array[] = []
      const reader = response.body.getReader()
      let lines = 0
      setProgress({ state: 'running', done: 0, total })
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        parts.push(value)
        for (const byte of value) if (byte === 10) lines++
        // The header is a line too; a message with line breaks counts more than once, so clamp.
        setProgress({ state: 'running', done: Math.min(total, Math.max(0, lines - 1)), total })
      }
      const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: 'text/csv' }))
      const link = document.createElement('a')
      link.href = url
      link.download = name
      link.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
      setProgress({ state: 'done', total })
    } catch (error) {
      setProgress({ state: 'failed', reason: (error as Error).message })
    }
  }

  return (
    <div className="export">
      <button type="button" className="button" onClick={() => void run()} disabled={progress.state === 'running'}>
        {t('export.button')}
      </button>
      {progress.state === 'running' && (
        <label className="export-progress">
          <span>{t('export.progress', { done: progress.done, total: progress.total })}</span>
          <progress max={Math.max(1, progress.total)} value={progress.done} />
        </label>
      )}
      {progress.state === 'done' && <span role="status">{t('export.done', { total: progress.total })}</span>}
      {progress.state === 'failed' && <span className="form-error" role="alert">{t('export.failed', { reason: progress.reason })}</span>}
    </div>
  )
}
