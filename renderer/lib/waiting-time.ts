import type { TFunction } from 'i18next'
import type { ReplyTargets } from '../../api-contract/index.js'

/** How a guest's wait stands against the property's reply targets: within, past the warning, or late. */
export type WaitingLevel = 'ok' | 'warn' | 'late'

const MINUTE = 60_000

/** The level of a wait of `waitedMs`: amber from warnMinutes, red from lateMinutes. */
export function waitingLevel(waitedMs: number, targets: ReplyTargets): WaitingLevel {
  if (waitedMs >= targets.lateMinutes * MINUTE) return 'late'
  if (waitedMs >= targets.warnMinutes * MINUTE) return 'warn'
  return 'ok'
}

/** A wait in words a badge can hold: "0 min", "12 min", "1 h 5 min", "3 d". */
export function waitedText(waitedMs: number, t: TFunction): string {
  const minutes = Math.max(0, Math.floor(waitedMs / MINUTE))
  if (minutes < 60) return t('waiting.minutes', { count: minutes })
  if (minutes < 24 * 60) return t('waiting.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 })
  return t('waiting.days', { count: Math.floor(minutes / (24 * 60)) })
}
