import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { isApiError } from '@/api/client'
import { messageTime } from '@/lib/relative-time'
import { useSignIn } from '../api/session'

/** Agents sign in with email and password; the server keeps the session in an httpOnly cookie. */
export function SignInScreen() {
  const { t, i18n } = useTranslation()
  const signIn = useSignIn()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')

  function submit(event: FormEvent) {
    event.preventDefault()
    signIn.mutate({ email, password })
  }

  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('app.name')}</h1>
        <h2>{t('signIn.title')}</h2>
        <label>
          {t('signIn.email')}
          <input required type="email" autoComplete="username" autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {t('signIn.password')}
          <input required type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {signIn.isError && (
          <p className="form-error" role="alert">
            {signInError(signIn.error, t, i18n.language)}
          </p>
        )}
        <button type="submit" className="button primary" disabled={signIn.isPending}>
          {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </main>
  )
}

/** Words for a failed sign-in: wrong credentials, a wait after several failures, or a lockout until a time. */
function signInError(error: Error, t: TFunction, locale: string): string {
  if (isApiError(error, 401)) return t('signIn.failed')
  if (isApiError(error, 429)) return t('signIn.wait')
  if (isApiError(error, 423)) {
    const until = /until (\S+?);/.exec(error.detail)?.[1]
    const time = until && !Number.isNaN(Date.parse(until)) ? messageTime(until, Date.now(), locale) : undefined
    return time ? t('signIn.locked', { time }) : error.detail
  }
  return error.message
}
