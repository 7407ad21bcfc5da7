import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Agent } from '@api-contract'
import { AgentsScreen } from '@/features/agents/components/agents-screen'
import { ArrivalsScreen } from '@/features/arrivals/components/arrivals-screen'
import { ChatPanel } from '@/features/chat/components/chat-panel'
import { ConversationListPanel, ROW_HEIGHT } from '@/features/conversations/components/conversation-list'
import { usePropertyFilter } from '@/features/conversations/stores/filters-store'
import { GuestPanel } from '@/features/guest/components/guest-panel'
import { BackgroundNotice } from '@/features/health/components/background-notice'
import { KnowledgeScreen } from '@/features/knowledge/components/knowledge-screen'
import { LeadsScreen } from '@/features/leads/components/leads-screen'
import { useLiveEvents } from '@/features/live/hooks/use-live-events'
import { NotificationBell } from '@/features/notifications/components/notification-bell'
import { SettingsScreen } from '@/features/settings/components/settings-screen'
import { StatsBar } from '@/features/stats/components/stats-bar'
import { StatsScreen } from '@/features/stats/components/stats-screen'
import { TemplatesScreen } from '@/features/templates/components/templates-screen'
import { useSession, useSignOut } from '@/features/session/api/session'
import { LanguageMenu } from '@/features/session/components/language-menu'
import { SignInScreen } from '@/features/session/components/sign-in-screen'
import { useSetupStatus } from '@/features/setup/api/setup'
import { SetupScreen } from '@/features/setup/components/setup-screen'
import { JoiningScreen } from '@/features/sync/components/joining-screen'
import { SyncIndicator } from '@/features/sync/components/sync-indicator'
import { SyncSettings } from '@/features/sync/components/sync-settings'
import { ApiTokensSection } from '@/features/tokens/components/api-tokens-section'
import { AfterFirstContent } from '@/components/after-first-content'
import { AppLink } from '@/components/app-link'
import { SkeletonLines, SkeletonRows } from '@/components/skeleton'
import { mayHealByRetrying } from '@/api/client'
import { showLanguage } from '@/i18n'
import { browserUiLanguage } from '@/i18n/languages'
import { GUEST_PANEL_ID } from '@/lib/dom'
import { navigate, useLocation } from '@/lib/router'
import { useRetryWhileFailing } from '@/lib/use-retry-while-failing'
import { useGuestDrawerOpen } from '@/store/guest-drawer'
import { conversationIdOf } from './routes'
import { useDesktopShell } from './use-desktop-shell'

/** First run → setup (or, joining a central server, its progress); no session → sign-in; otherwise the inbox. */
export function App() {
  const { t } = useTranslation()
  const setup = useSetupStatus()
  const needsSetup = setup.data?.needsSetup
  // Asked alongside the setup status, not after it: a desk set up long ago opens one round trip sooner.
  const session = useSession(needsSetup !== true)
  // The signed-in agent's language, else the browser's (signed out, at setup).
  const uiLanguage = session.data?.uiLanguage ?? browserUiLanguage(navigator.languages)
  useEffect(() => void showLanguage(uiLanguage).catch(() => undefined), [uiLanguage])

  // A failed refresh of what is already known (the server restarting) keeps the inbox on screen.
  if (setup.isError && !setup.data) return <Failure error={setup.error} onRetry={() => void setup.refetch()} />
  if (setup.data?.joining && !session.data) return <JoiningScreen status={setup.data} />
  if (needsSetup) return <SetupScreen />
  if (session.isError && session.data === undefined) return <Failure error={session.error} onRetry={() => void session.refetch()} />
  if (needsSetup === undefined || session.isPending) return <p className="splash">{t('app.loading')}</p>
  if (!session.data) return <SignInScreen />
  return <Shell agent={session.data} />
}

type Page = 'inbox' | 'arrivals' | 'leads' | 'stats' | 'knowledge' | 'templates' | 'agents' | 'settings'
const ADMIN_PAGES: readonly Page[] = ['knowledge', 'templates', 'agents', 'settings']

/** The page an address shows; admin pages only for admins, the inbox otherwise. */
function pageOf(pathname: string, agent: Agent): Page {
  const page = pathname.slice(1) as Page
  if (page === 'leads' || page === 'arrivals' || page === 'stats') return page
  if (ADMIN_PAGES.includes(page) && agent.role === 'admin') return page
  return 'inbox'
}

function Shell({ agent }: { agent: Agent }) {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const signOut = useSignOut()
  const { connected } = useLiveEvents()
  useDesktopShell(agent.id)
  const page = pageOf(pathname, agent)
  const pages: Page[] = ['inbox', 'arrivals', 'leads', 'stats', ...(agent.role === 'admin' ? ADMIN_PAGES : [])]

  // The setup and sign-in addresses mean nothing once signed in.
  useEffect(() => {
    if (pathname === '/setup' || pathname === '/sign-in') navigate('/', { replace: true })
  }, [pathname])

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('app.mainNav')}>
          {pages.map((name) => (
            <NavLink key={name} href={name === 'inbox' ? '/' : `/${name}`} current={page === name}>
              {t(`app.${name}`)}
            </NavLink>
          ))}
        </nav>
        {!connected && (
          <span className="offline" role="status">
            {t('app.offline')}
          </span>
        )}
        <span className="whoami">{t('app.signedInAs', { name: agent.name })}</span>
        <LanguageMenu agent={agent} />
        <AfterFirstContent>
          <BackgroundNotice />
          <SyncIndicator />
          <NotificationBell agentId={agent.id} />
        </AfterFirstContent>
        <button type="button" className="button" onClick={() => signOut.mutate()}>
          {t('app.signOut')}
        </button>
      </header>
      {page === 'inbox' && <Inbox selectedId={conversationIdOf(pathname)} canEditKnowledge={agent.role === 'admin'} />}
      {page === 'arrivals' && <ArrivalsScreen />}
      {page === 'leads' && <LeadsScreen />}
      {page === 'stats' && <StatsScreen />}
      {page === 'knowledge' && <KnowledgeScreen />}
      {page === 'templates' && <TemplatesScreen />}
      {page === 'agents' && <AgentsScreen currentAgentId={agent.id} />}
      {page === 'settings' && (
        <SettingsScreen>
          <SyncSettings />
          <ApiTokensSection />
        </SettingsScreen>
      )}
    </div>
  )
}

function Inbox({ selectedId, canEditKnowledge }: { selectedId: string | null; canEditKnowledge: boolean }) {
  const { t } = useTranslation()
  const propertyId = usePropertyFilter()
  // Opened at a conversation's address, the chat is what the reader came for: the list comes after it.
  const [openedAtChat] = useState(selectedId !== null)
  const guestDrawerOpen = useGuestDrawerOpen()
  return (
    <main className="inbox" aria-label={t('app.inbox')} data-chat={selectedId ? 'open' : 'none'} data-guest-drawer={guestDrawerOpen ? 'open' : 'closed'}>
      <h1 className="visually-hidden">{t('app.inbox')}</h1>
      <AfterFirstContent placeholder={<div className="stats-bar" />}>
        <StatsBar propertyId={propertyId === 'all' ? undefined : propertyId} />
      </AfterFirstContent>
      <AfterFirstContent
        now={!openedAtChat}
        placeholder={
          <section className="list-panel" aria-busy="true">
            <SkeletonRows rows={14} height={ROW_HEIGHT} />
          </section>
        }
      >
        <ConversationListPanel selectedId={selectedId} />
      </AfterFirstContent>
      <ChatPanel conversationId={selectedId} canEditKnowledge={canEditKnowledge} />
      <AfterFirstContent
        placeholder={
          selectedId ? (
            <aside id={GUEST_PANEL_ID} className="guest-panel" aria-busy="true">
              <SkeletonLines lines={5} />
            </aside>
          ) : null
        }
      >
        <GuestPanel conversationId={selectedId} />
      </AfterFirstContent>
    </main>
  )
}

function NavLink({ href, current, children }: { href: string; current: boolean; children: string }) {
  return (
    <AppLink href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </AppLink>
  )
}

/** The page's first requests failed: what happened, Retry, and (when it may heal) asking again by itself. */
function Failure({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation()
  useRetryWhileFailing(mayHealByRetrying(error), onRetry)
  return (
    <main className="auth-page">
      <div className="card auth-card" role="alert">
        <h1>{t('app.errorTitle')}</h1>
        <p>{error.message}</p>
        <button type="button" className="button primary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      </div>
    </main>
  )
}
