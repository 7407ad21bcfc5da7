import i18next from 'i18next'

/** The status an `ApiError` carries when no answer came at all (server down, connection dropped). */
export const NO_ANSWER = 0

/**
 * What a failed request means, in a sentence a receptionist understands. A 4xx the server explained
 * itself keeps the server's words (they name the field or the rule); a dropped connection, a 5xx (whose
 * details the server keeps to its log), an ended session and a rate limit always get ours.
 */
export function errorSentence(status: number, serverDetail: string | null): string {
  const t = (key: string) => i18next.t(key)
  if (status === NO_ANSWER) return t('errors.network')
  if (status >= 500) return t('errors.server')
  if (status === 401) return t('errors.session')
  if (status === 429) return t('errors.tooMany')
  if (serverDetail) return serverDetail
  if (status === 403) return t('errors.forbidden')
  if (status === 404) return t('errors.notFound')
  if (status === 409) return t('errors.conflict')
  return t('errors.rejected')
}
