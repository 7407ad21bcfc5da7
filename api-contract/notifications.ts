import { Type, type Static } from 'typebox'
import { IsoDateTime } from './common.js'

export const NotificationSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['assigned', 'handover', 'queued', 'snooze_ended', 'mention', 'reminder'], {
    description:
      'snooze_ended: a conversation assigned to you was snoozed until a time that has come; mention: an internal note names you; reminder: a guest still waits in a queued or handed-over conversation (repeated every waitingReminderMinutes).',
  }),
  conversationId: Type.Union([Type.String(), Type.Null()]),
  text: Type.String(),
  createdAt: IsoDateTime,
  read: Type.Boolean(),
})
export type Notification = Static<typeof NotificationSchema>

/** GET /v1/notifications: the signed-in agent's notifications, newest first, and how many are unread. */
export const NotificationsSchema = Type.Object({ unread: Type.Integer(), items: Type.Array(NotificationSchema) })
export type Notifications = Static<typeof NotificationsSchema>
