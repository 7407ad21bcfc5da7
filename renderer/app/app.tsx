import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { Agent } from '@/api/dto'
import { AgentsScreen } from '@/features/agents/components/agents-screen'
import { ChatPanel } from '@/features/chat/components/chat-panel'
import { ConversationListPanel } from '@/features/conversations/components/conversation-list'
import { GuestPanel } from '@/features/guest/components/guest-panel'
import { useLiveEvents } from '@/features/live/hooks/use-live-events'
import { useSession, useSignOut } from '@/features/session/api/session'
import { SignInScreen } from '@/features/session/components/sign-in-screen'
import { useSetupStatus } from '@/features/setup/api/setup'
import { SetupScreen } from '@/features/setup/components/setup-screen'
import { navigate, useLocation } from '@/lib/router'

/** First run → setup; no session → sign-in; otherwise the inbox (or, for admins, the agents page). */
export function App() {
  const { t } = useTranslation()
  const setup = useSetupStatus()
  const needsSetup = setup.data?.needsSetup
  const session = useSession(needsSetup === false)

  if (setup.isError) return <Failure message={setup.error.message} onRetry={() => void setup.refetch()} />
  if (needsSetup) return <SetupScreen />
  if (session.isError) return <Failure message={session.error.message} onRetry={() => void session.refetch()} />
  if (needsSetup === undefined || session.isPending) return <p className="splash">{t('app.loading')}</p>
  if (!session.data) return <SignInScreen />
  return <Shell agent={session.data} />
}

function Shell({ agent }: { agent: Agent }) {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const signOut = useSignOut()
  const { connected } = useLiveEvents()
  const onAgentsPage = pathname === '/agents' && agent.role === 'admin'

  // The setup and sign-in addresses mean nothing once signed in.
  useEffect(() => {
    if (pathname === '/setup' || pathname === '/sign-in') navigate('/', { replace: true })
  }, [pathname])

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('app.mainNav')}>
          <NavLink href="/" current={!onAgentsPage}>
            {t('app.inbox')}
          </NavLink>
          {agent.role === 'admin' && (
            <NavLink href="/agents" current={onAgentsPage}>
              {t('app.agents')}
            </NavLink>
          )}
        </nav>
        {!connected && <span className="offline" role="status">{t('app.offline')}</span>}
        <span className="whoami">{t('app.signedInAs', { name: agent.name })}</span>
        <button type="button" className="button" onClick={() => signOut.mutate()}>
          {t('app.signOut')}
        </button>
      </header>
      {onAgentsPage ? <AgentsScreen currentAgentId={agent.id} /> : <Inbox selectedId={conversationIdOf(pathname)} />}
    </div>
  )
}

function Inbox({ selectedId }: { selectedId: string | null }) {
  const { t } = useTranslation()
  return (
    <main className="inbox" aria-label={t('app.inbox')}>
      <h1 className="visually-hidden">{t('app.inbox')}</h1>
      <ConversationListPanel selectedId={selectedId} />
      <ChatPanel conversationId={selectedId} />
      <GuestPanel conversationId={selectedId} />
    </main>
  )
}

function NavLink({ href, current, children }: { href: string; current: boolean; children: string }) {
  return (
    <a
      href={href}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        event.preventDefault()
        navigate(href)
      }}
    >
      {children}
    </a>
  )
}

function Failure({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <main className="auth-page">
      <div className="card auth-card" role="alert">
        <h1>{t('app.errorTitle')}</h1>
        <p>{message}</p>
        <button type="button" className="button primary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      </div>
    </main>
  )
}

function conversationIdOf(pathname: string): string | null {
  const match = /^\/conversations\/([^/]+)$/.exec(pathname)
  return match ? decodeURIComponent(match[1]!) : null
}
