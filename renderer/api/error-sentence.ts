import i18next from 'i18next'

/** The status an `ApiError` carries when no answer came at all (server down, connection dropped). */
export const NO_ANSWER = 0

/**
 * What a failed request means, in a sentence a receptionist understands. A 4xx the server explained
 * itself keeps the server's words (they name the field or the rule): as they are in an English
 * inbox; in another language after our sentence for the status, marked as the server's English. A
 * dropped connection, a 5xx (whose details the server keeps to its log), an ended session and a
 * rate limit always get ours.
 */
export function errorSentence(status: number, serverDetail: string | null): string {
  const t = (key: string, values: Record<string, string> = {}) => i18next.t(key, values)
  if (status === NO_ANSWER) return t('errors.network')
  if (status >= 500) return t('errors.server')
  if (status === 401) return t('errors.session')
  if (status === 429) return t('errors.tooMany')
  const ours = status === 403 ? t('errors.forbidden') : status === 404 ? t('errors.notFound') : status === 409 ? t('errors.conflict') : t('errors.rejected')
  if (!serverDetail) return ours
  if (readsEnglish()) return serverDetail
  return `${ours} ${t('errors.serverSaid', { detail: serverDetail })}`
}

/** Whether the inbox is in English (the language the server explains itself in). */
const readsEnglish = () => (i18next.resolvedLanguage ?? i18next.language ?? 'en').split('-')[0] === 'en'
