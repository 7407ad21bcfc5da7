import type { ReactNode } from 'react'

interface SaveRowProps {
  /** What the form's submit runs (a mutation): pending, saved, or why it failed. */
  saving: { isPending: boolean; isSuccess: boolean; error: Error | null }
  label: string
  /** What the row says once saved ("Saved"). */
  savedLabel: string
  primary?: boolean
  /** Across the whole form grid. */
  wide?: boolean
  disabled?: boolean
  /** Buttons after the save button (Remove, Cancel). */
  children?: ReactNode
}

/** The end of a settings form: its save button, "Saved" once saved, and why saving failed. */
export function SaveRow({ saving, label, savedLabel, primary = true, wide = true, disabled = false, children }: SaveRowProps) {
  return (
    <>
      <div className={wide ? 'row-actions wide' : 'row-actions'}>
        <button type="submit" className={primary ? 'button primary' : 'button'} disabled={saving.isPending || disabled}>
          {label}
        </button>
        {children}
        {saving.isSuccess && <span role="status">{savedLabel}</span>}
      </div>
      {saving.error && (
        <p className={wide ? 'form-error wide' : 'form-error'} role="alert">
          {saving.error.message}
        </p>
      )}
    </>
  )
}
