import type { Notification } from '../db/notifications.js'
import type { Store } from '../db/store.js'
import { newId } from '../domain/ids.js'
import type { EventBus } from './event-bus.js'

/** The in-app notification centre; the desktop shell turns `notification.created` into OS notifications. */
export function createNotificationService(store: Store, events: EventBus, clock: () => number = Date.now) {
  return {
    notify(agentId: string, kind: Notification['kind'], conversationId: string | null, text: string): Notification {
      const notification = { id: newId('ntf'), agentId, kind, conversationId, text, createdAt: clock() }
      store.notifications.insert(notification)
      const propertyId = conversationId === null ? null : (store.conversations.get(conversationId)?.propertyId ?? null)
      events.publish([{ type: 'notification.created', agentId, propertyId, notificationId: notification.id }])
      return { ...notification, readAt: null }
    },
  }
}

export type NotificationService = ReturnType<typeof createNotificationService>
