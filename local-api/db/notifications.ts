import type { Db } from './open.js'

export interface Notification {
  id: string
  agentId: string
  kind: 'assigned' | 'handover' | 'queued' | 'snooze_ended' | 'mention' | 'reminder'
  conversationId: string | null
  text: string
  createdAt: number
  readAt: number | null
}

interface NotificationRow {
  id: string
  agent_id: string
  kind: Notification['kind']
  conversation_id: string | null
  text: string
  created_at: number
  read_at: number | null
}

const toNotification = (row: NotificationRow): Notification => ({
  id: row.id,
  agentId: row.agent_id,
  kind: row.kind,
  conversationId: row.conversation_id,
  text: row.text,
  createdAt: row.created_at,
  readAt: row.read_at,
})

/** The in-app notification centre, per agent. */
export function notificationsRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO notifications (id, agent_id, kind, conversation_id, text, created_at)
    VALUES (@id, @agentId, @kind, @conversationId, @text, @createdAt)`)
  const byId = db.prepare('SELECT * FROM notifications WHERE id = ?')
  const ofAgent = db.prepare('SELECT * FROM notifications WHERE agent_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?')
  const unread = db.prepare('SELECT count(*) AS n FROM notifications WHERE agent_id = ? AND read_at IS NULL')
  const markAllRead = db.prepare('UPDATE notifications SET read_at = ? WHERE agent_id = ? AND read_at IS NULL')

  return {
    insert(notification: Omit<Notification, 'readAt'>): void {
      insert.run(notification)
    },
    get(id: string): Notification | undefined {
      const row = byId.get(id) as NotificationRow | undefined
      return row && toNotification(row)
    },
    ofAgent(agentId: string, limit = 50): Notification[] {
      return (ofAgent.all(agentId, limit) as NotificationRow[]).map(toNotification)
    },
    unreadCount(agentId: string): number {
      return (unread.get(agentId) as { n: number }).n
    },
    markAllRead(agentId: string, now: number): void {
      markAllRead.run(now, agentId)
    },
  }
}
