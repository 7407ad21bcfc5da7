import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConversationFilters } from '@api-contract'
import { exportCsv } from '../api/export'

type Progress = { state: 'idle' } | { state: 'running'; done: number; total: number } | { state: 'done'; total: number } | { state: 'failed'; reason: string }

/** Exports the filtered history as CSV, with a progress bar while it streams, then hands it to the browser to save. */
export function ExportButton({ filters }: { filters: ConversationFilters }) {
  const { t } = useTranslation()
  const [progress, setProgress] = useState<Progress>({ state: 'idle' })

  async function run() {
    try {
      const { name, csv, total } = await exportCsv(filters, (done, rows) => setProgress({ state: 'running', done, total: rows }))
      const url = URL.createObjectURL(csv)
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
      <button
        type="button"
        className="button icon-button"
        aria-label={t('export.button')}
        title={t('export.button')}
        onClick={() => void run()}
        disabled={progress.state === 'running'}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M8 2.5v7M5 6.8 8 9.8l3-3M3 11v2.5h10V11" />
        </svg>
      </button>
      {progress.state === 'running' && (
        <label className="export-progress">
          <span>{t('export.progress', { done: progress.done, count: progress.total })}</span>
          <progress max={Math.max(1, progress.total)} value={progress.done} />
        </label>
      )}
      {progress.state === 'done' && <span role="status">{t('export.done', { count: progress.total })}</span>}
      {progress.state === 'failed' && (
        <span className="form-error" role="alert">
          {t('export.failed', { reason: progress.reason })}
        </span>
      )}
    </div>
  )
}
