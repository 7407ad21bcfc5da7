import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { conversationPath, navigate } from '@/lib/router'
import { useMarkNotificationsRead, useNotifications } from '../api/notifications'
import { useNotificationSound } from '../hooks/use-notification-sound'
import { NotificationSoundToggle } from './notification-sound-toggle'

/** The notification centre in the top bar: assignments and the AI agent's handovers, with a sound for new ones. */
export function NotificationBell({ agentId }: { agentId: string }) {
  const { t, i18n } = useTranslation()
  const notifications = useNotifications()
  useNotificationSound(agentId, notifications.data?.items)
  const markRead = useMarkNotificationsRead()
  const [open, setOpen] = useState(false)
  const unread = notifications.data?.unread ?? 0

  function toggle() {
    const next = !open
    setOpen(next)
    if (!next && unread > 0) markRead.mutate()
  }

  return (
    <div className="notifications">
      <button type="button" className="button bell" aria-expanded={open} aria-label={t('notifications.open', { count: unread })} onClick={toggle}>
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="currentColor">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {unread > 0 && <span className="unread-count">{unread}</span>}
      </button>
      {open && (
        <div className="notification-panel" role="region" aria-label={t('notifications.title')}>
          <div className="notification-head">
            <strong>{t('notifications.title')}</strong>
            <NotificationSoundToggle agentId={agentId} />
            {unread > 0 && (
              <button type="button" className="link-button" onClick={() => markRead.mutate()}>
                {t('notifications.markRead')}
              </button>
            )}
          </div>
          <ul>
            {(notifications.data?.items ?? []).map((item) => (
              <li key={item.id} className={item.read ? undefined : 'unread'}>
                <button
                  type="button"
                  onClick={() => {
                    if (item.conversationId) navigate(conversationPath(item.conversationId))
                    setOpen(false)
                    if (unread > 0) markRead.mutate()
                  }}
                >
                  <span>{item.text}</span>
                  <time dateTime={item.createdAt}>{new Date(item.createdAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}</time>
                </button>
              </li>
            ))}
            {!notifications.data?.items.length && <li className="muted">{t('notifications.empty')}</li>}
          </ul>
        </div>
      )}
    </div>
  )
}
