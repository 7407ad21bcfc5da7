import { useEffect, useRef } from 'react'
import type { Notification } from '@api-contract'
import { useNotificationSoundOn } from '../stores/notification-sound-store'
import { playChime } from './chime'

/**
 * Chimes when a new unread notification arrives for the agent (not for those there already when the
 * page loaded), unless they turned the sound off. Each chime played is counted on
 * `<body data-notification-chimes>`, which the UI tests read.
 */
export function useNotificationSound(agentId: string, items: readonly Notification[] | undefined): void {
  const soundOn = useNotificationSoundOn(agentId)
  const newestSeen = useRef<string | null | undefined>(undefined)
  useEffect(() => {
    if (!items) return
    const newest = items[0]
    const before = newestSeen.current
    newestSeen.current = newest?.id ?? null
    if (before === undefined || !newest || newest.id === before || newest.read || !soundOn) return
    void playChime().then((played) => {
      if (played) document.body.dataset.notificationChimes = String(Number(document.body.dataset.notificationChimes ?? 0) + 1)
    })
  }, [items, soundOn])
}
