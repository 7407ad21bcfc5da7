// How another desk's entities land in this desk's tables: the merged fields of each synced entity
// written as its row, and the moves a merge of two rows needs. Rows only; the rules that choose
// what to write live in services/sync/projectors/.
import { summarize, type SummarizedMessage } from '../domain/conversation-summary.js'
import type { MessageContent } from '../domain/message-content.js'
import type { Db } from './open.js'

type Fields = Record<string, unknown>
const text = (value: unknown) => (value === undefined || value === null ? null : String(value))
const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value))

/** Tables a synced reference may point into, by the entity it names. */
const TABLE_OF = {
  property: 'properties',
  agent: 'agents',
  guest: 'guests',
  conversation: 'conversations',
  reservation: 'reservations',
  message: 'messages',
  lead: 'leads',
  template: 'templates',
  knowledge_entry: 'knowledge_entries',
  conversation_event: 'conversation_events',
} as const

export function syncProjections(db: Db) {
  const exists = Object.fromEntries(
    Object.entries(TABLE_OF).map(([entity, table]) => [entity, db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck()]),
  ) as Record<keyof typeof TABLE_OF, ReturnType<Db['prepare']>>

  const s = {
    property: db.prepare(`INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES (@id, @name, @defaultCountry, @timeZone, @createdAt)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, default_country = excluded.default_country, time_zone = excluded.time_zone`),
    agent: db.prepare(`INSERT INTO agents (id, name, email, role, active, password_hash, created_at, updated_at)
      VALUES (@id, @name, @email, @role, @active, @passwordHash, @createdAt, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, role = excluded.role, active = excluded.active,
        password_hash = excluded.password_hash, updated_at = excluded.updated_at`),
    agentByEmail: db.prepare('SELECT id FROM agents WHERE email = ? AND id <> ?').pluck(),
    guest: db.prepare(`INSERT INTO guests (id, first_name, last_name, language, created_at, updated_at) VALUES (@id, @firstName, @lastName, @language, @createdAt, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name, language = excluded.language, updated_at = excluded.updated_at`),
    identity: db.prepare('SELECT rowid, guest_id AS guestId FROM guest_identities WHERE kind = ? AND value = ?'),
    insertIdentity: db.prepare('INSERT INTO guest_identities (kind, value, guest_id, created_at, verified) VALUES (?, ?, ?, ?, ?) RETURNING rowid').pluck(),
    updateIdentity: db.prepare('UPDATE guest_identities SET guest_id = ?, verified = ? WHERE rowid = ?'),
    conversationByKey: db.prepare('SELECT id FROM conversations WHERE property_id = ? AND channel = ? AND identity_rowid = ?').pluck(),
    insertConversation: db.prepare(`INSERT INTO conversations (id, property_id, channel, identity_rowid, guest_id, created_at, last_message_at, mode)
      VALUES (@id, @propertyId, @channel, @identityRowid, @guestId, @createdAt, @createdAt, @mode) RETURNING rowid`).pluck(),
    insertConversationSearch: db.prepare('INSERT INTO conversation_search (rowid, guest_text) VALUES (?, ?)'),
    updateConversation: db.prepare(`UPDATE conversations SET guest_id = @guestId, mode = @mode, queue_state = @queueState,
      assigned_agent_id = @assignedAgentId, kind = @kind, persona = @persona, insight = @insight, order_code = @orderCode WHERE id = @id`),
    conversationRowid: db.prepare('SELECT rowid FROM conversations WHERE id = ?').pluck(),
    setConversationIdentity: db.prepare('UPDATE conversations SET identity_rowid = ? WHERE id = ?'),
    deleteConversationSearch: db.prepare('DELETE FROM conversation_search WHERE rowid = ?'),
    deleteConversation: db.prepare('DELETE FROM conversations WHERE id = ?'),
    moveMessages: db.prepare('UPDATE messages SET conversation_id = ? WHERE conversation_id = ?'),
    moveEvents: db.prepare('UPDATE conversation_events SET conversation_id = ? WHERE conversation_id = ?'),
    moveNotifications: db.prepare('UPDATE notifications SET conversation_id = ? WHERE conversation_id = ?'),
    leadOf: db.prepare('SELECT id FROM leads WHERE conversation_id = ?').pluck(),
    moveLead: db.prepare('UPDATE leads SET conversation_id = ? WHERE conversation_id = ?'),
    deleteServiceRecord: db.prepare('DELETE FROM service_records WHERE conversation_id = ?'),
    moveServiceRecord: db.prepare('UPDATE service_records SET conversation_id = ? WHERE conversation_id = ? AND NOT EXISTS (SELECT 1 FROM service_records WHERE conversation_id = ?)'),
    messagesToSummarize: db.prepare('SELECT direction, created_at AS createdAt, content FROM messages WHERE conversation_id = ? ORDER BY created_at, rowid'),
    setSummary: db.prepare(`UPDATE conversations SET message_count = @messages, last_message_at = coalesce(@lastMessageAt, created_at),
        last_guest_message_at = @lastGuestMessageAt, last_message_direction = @direction, last_message_preview = @preview WHERE id = @id`),
    agentRefs: [
      'UPDATE conversations SET assigned_agent_id = ? WHERE assigned_agent_id = ?',
      'UPDATE messages SET sender_agent_id = ? WHERE sender_agent_id = ?',
      'UPDATE leads SET created_by_agent_id = ? WHERE created_by_agent_id = ?',
      'UPDATE conversation_events SET agent_id = ? WHERE agent_id = ?',
      'UPDATE notifications SET agent_id = ? WHERE agent_id = ?',
      'UPDATE agent_sessions SET agent_id = ? WHERE agent_id = ?',
    ].map((sql) => db.prepare(sql)),
    deleteAgent: db.prepare('DELETE FROM agents WHERE id = ?'),
    reservation: db.prepare(`INSERT INTO reservations (id, property_id, confirmation_number, guest_id, first_name, last_name, phone, email, language, arrival, departure, room, status, created_at, updated_at)
      VALUES (@id, @propertyId, @confirmationNumber, @guestId, @firstName, @lastName, @phone, @email, @language, @arrival, @departure, @room, @status, @createdAt, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET confirmation_number = excluded.confirmation_number, guest_id = excluded.guest_id, first_name = excluded.first_name, last_name = excluded.last_name, phone = excluded.phone,
        email = excluded.email, language = excluded.language, arrival = excluded.arrival, departure = excluded.departure, room = excluded.room,
        status = excluded.status, updated_at = excluded.updated_at`),
    reservationByKey: db.prepare('SELECT id FROM reservations WHERE property_id = ? AND confirmation_number = ? AND id <> ?').pluck(),
    reservationRefs: ['UPDATE leads SET reservation_id = ? WHERE reservation_id = ?', 'UPDATE guest_sessions SET reservation_id = ? WHERE reservation_id = ?'].map((sql) => db.prepare(sql)),
    deleteReservation: db.prepare('DELETE FROM reservations WHERE id = ?'),
    template: db.prepare(`INSERT INTO templates (id, property_id, name, shortcut, body, language, channel, approval, created_at, updated_at)
      VALUES (@id, @propertyId, @name, @shortcut, @body, @language, @channel, @approval, @createdAt, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, shortcut = excluded.shortcut, body = excluded.body, language = excluded.language,
        channel = excluded.channel, approval = excluded.approval, updated_at = excluded.updated_at`),
    templateByShortcut: db.prepare('SELECT id FROM templates WHERE property_id = ? AND shortcut = ? AND id <> ?').pluck(),
    deleteTemplate: db.prepare('DELETE FROM templates WHERE id = ?'),
    renameShortcut: db.prepare('UPDATE templates SET shortcut = ? WHERE id = ?'),
    knowledge: db.prepare(`INSERT INTO knowledge_entries (id, property_id, question, answer, tags, language, created_at, updated_at)
      VALUES (@id, @propertyId, @question, @answer, @tags, @language, @createdAt, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET question = excluded.question, answer = excluded.answer, tags = excluded.tags, language = excluded.language, updated_at = excluded.updated_at`),
    deleteKnowledge: db.prepare('DELETE FROM knowledge_entries WHERE id = ?'),
    lead: db.prepare(`INSERT INTO leads (id, conversation_id, guest_id, status, notes, created_by_agent_id, reservation_id, created_at, updated_at)
      VALUES (@id, @conversationId, @guestId, @status, @notes, @createdByAgentId, @reservationId, @createdAt, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET conversation_id = excluded.conversation_id, guest_id = excluded.guest_id, status = excluded.status, notes = excluded.notes,
        reservation_id = excluded.reservation_id, updated_at = excluded.updated_at`),
    leadByConversation: db.prepare('SELECT id FROM leads WHERE conversation_id = ? AND id <> ?').pluck(),
    deleteLead: db.prepare('DELETE FROM leads WHERE id = ?'),
    event: db.prepare(`INSERT INTO conversation_events (id, conversation_id, type, agent_id, data, created_at) VALUES (@id, @conversationId, @type, @agentId, @data, @createdAt)
      ON CONFLICT (id) DO NOTHING`),
    messageByExternalId: db.prepare('SELECT id, conversation_id AS conversationId FROM messages WHERE property_id = ? AND external_id = ? AND id <> ?'),
    messageStatus: db.prepare('SELECT status FROM messages WHERE id = ?').pluck(),
    setMessageStatus: db.prepare('UPDATE messages SET status = ? WHERE id = ?'),
    deleteMessage: db.prepare('DELETE FROM messages WHERE id = ?'),
    outboxOf: db.prepare('DELETE FROM outbox WHERE message_id = ?'),
  }

  /** The conversation's summary made again from its messages (its unread count stays). */
  function recount(conversationId: string): void {
    const rows = s.messagesToSummarize.iterate(conversationId) as IterableIterator<Omit<SummarizedMessage, 'content'> & { content: string }>
    const messages = (function* () {
      for (const row of rows) yield { ...row, content: JSON.parse(row.content) as MessageContent }
    })()
    const summary = summarize(messages)
    s.setSummary.run({
      id: conversationId,
      messages: summary?.messages ?? 0,
      lastMessageAt: summary?.lastMessageAt ?? null,
      lastGuestMessageAt: summary?.lastGuestMessageAt ?? null,
      direction: summary?.direction ?? null,
      preview: summary?.preview ?? '',
    })
  }

  return {
    exists: (entity: keyof typeof TABLE_OF, id: string) => exists[entity].get(id) !== undefined,

    property: (id: string, f: Fields) => void s.property.run({ id, name: text(f.name), defaultCountry: text(f.defaultCountry), timeZone: text(f.timeZone) ?? 'UTC', createdAt: f.createdAt ?? 0 }),

    agent: (id: string, f: Fields) =>
      void s.agent.run({
        id, name: text(f.name), email: text(f.email), role: text(f.role) ?? 'agent', active: f.active === false ? 0 : 1,
        passwordHash: text(f.passwordHash) ?? '!', createdAt: f.createdAt ?? 0, updatedAt: f.updatedAt ?? f.createdAt ?? 0,
      }),
    otherAgentWithEmail: (email: string, id: string) => s.agentByEmail.get(email, id) as string | undefined,
    /** Every reference to agent `from` now names `to`; `from` is gone. */
    mergeAgent(from: string, to: string) {
      for (const statement of s.agentRefs) statement.run(to, from)
      s.deleteAgent.run(from)
    },

    guest: (id: string, f: Fields) =>
      void s.guest.run({ id, firstName: text(f.firstName), lastName: text(f.lastName), language: text(f.language), createdAt: f.createdAt ?? 0, updatedAt: f.updatedAt ?? f.createdAt ?? 0 }),

    /** The identity's row, made if this desk has not seen it; its profile link and verification set. */
    identity(kind: string, value: string, guestId: string | null | undefined, verified: boolean | undefined, createdAt: number): number {
      const row = s.identity.get(kind, value) as { rowid: number; guestId: string | null } | undefined
      if (!row) return s.insertIdentity.get(kind, value, guestId ?? null, createdAt, verified === false ? 0 : 1) as number
      if (guestId !== undefined) s.updateIdentity.run(guestId, verified === false ? 0 : 1, row.rowid)
      return row.rowid
    },
    identityRowid: (kind: string, value: string) => (s.identity.get(kind, value) as { rowid: number } | undefined)?.rowid,

    conversationByKey: (propertyId: string, channel: string, identityRowid: number) => s.conversationByKey.get(propertyId, channel, identityRowid) as string | undefined,
    insertConversation(id: string, f: Fields, identityRowid: number | null, searchText: string) {
      const rowid = s.insertConversation.get({ id, propertyId: f.propertyId, channel: f.channel, identityRowid, guestId: f.guestId ?? null, createdAt: f.createdAt ?? 0, mode: f.mode ?? 'ai' }) as number
      s.insertConversationSearch.run(rowid, searchText)
    },
    updateConversation: (id: string, f: Fields) =>
      void s.updateConversation.run({
        id, guestId: f.guestId ?? null, mode: f.mode ?? 'ai', queueState: f.queueState ?? null, assignedAgentId: f.assignedAgentId ?? null,
        kind: f.kind ?? null, persona: f.persona ?? null, insight: json(f.insight), orderCode: f.orderCode ?? null,
      }),
    /** Moves what belongs to conversation `from` to `to`, deletes `from` and recounts `to`. */
    mergeConversation(from: string, to: string) {
      s.moveMessages.run(to, from)
      s.moveEvents.run(to, from)
      s.moveNotifications.run(to, from)
      if (s.leadOf.get(to) === undefined) s.moveLead.run(to, from)
      s.moveServiceRecord.run(to, from, to)
      s.deleteServiceRecord.run(from)
      const rowid = s.conversationRowid.get(from) as number | undefined
      if (rowid !== undefined) s.deleteConversationSearch.run(rowid)
      s.deleteConversation.run(from)
      recount(to)
    },
    recount,
    setConversationIdentity: (id: string, identityRowid: number) => void s.setConversationIdentity.run(identityRowid, id),
    leadOfConversation: (conversationId: string) => s.leadOf.get(conversationId) as string | undefined,

    reservation: (id: string, f: Fields) =>
      void s.reservation.run({
        id, propertyId: f.propertyId, confirmationNumber: f.confirmationNumber, guestId: f.guestId, firstName: text(f.firstName), lastName: text(f.lastName),
        phone: text(f.phone), email: text(f.email), language: text(f.language), arrival: f.arrival, departure: f.departure, room: text(f.room),
        status: f.status ?? 'confirmed', createdAt: f.createdAt ?? 0, updatedAt: f.updatedAt ?? f.createdAt ?? 0,
      }),
    otherReservationWithNumber: (propertyId: string, confirmationNumber: string, id: string) => s.reservationByKey.get(propertyId, confirmationNumber, id) as string | undefined,
    mergeReservation(from: string, to: string) {
      for (const statement of s.reservationRefs) statement.run(to, from)
      s.deleteReservation.run(from)
    },

    template: (id: string, f: Fields, shortcut: string) =>
      void s.template.run({
        id, propertyId: f.propertyId, name: text(f.name), shortcut, body: text(f.body) ?? '', language: text(f.language) ?? 'en',
        channel: f.channel ?? null, approval: f.approval ?? null, createdAt: f.createdAt ?? 0, updatedAt: f.updatedAt ?? f.createdAt ?? 0,
      }),
    otherTemplateWithShortcut: (propertyId: string, shortcut: string, id: string) => s.templateByShortcut.get(propertyId, shortcut, id) as string | undefined,
    deleteTemplate: (id: string) => void s.deleteTemplate.run(id),
    renameShortcut: (id: string, shortcut: string) => void s.renameShortcut.run(shortcut, id),

    knowledge: (id: string, f: Fields) =>
      void s.knowledge.run({
        id, propertyId: f.propertyId, question: text(f.question) ?? '', answer: text(f.answer) ?? '', tags: text(f.tags) ?? '', language: text(f.language) ?? 'en',
        createdAt: f.createdAt ?? 0, updatedAt: f.updatedAt ?? f.createdAt ?? 0,
      }),
    deleteKnowledge: (id: string) => void s.deleteKnowledge.run(id),

    lead: (id: string, f: Fields) =>
      void s.lead.run({
        id, conversationId: f.conversationId, guestId: f.guestId ?? null, status: f.status ?? 'new', notes: text(f.notes) ?? '', createdByAgentId: f.createdByAgentId ?? null,
        reservationId: f.reservationId ?? null, createdAt: f.createdAt ?? 0, updatedAt: f.updatedAt ?? f.createdAt ?? 0,
      }),
    otherLeadOfConversation: (conversationId: string, id: string) => s.leadByConversation.get(conversationId, id) as string | undefined,
    deleteLead: (id: string) => void s.deleteLead.run(id),

    event: (id: string, f: Fields) =>
      void s.event.run({ id, conversationId: f.conversationId, type: f.type, agentId: f.agentId ?? null, data: JSON.stringify(f.data ?? {}), createdAt: f.createdAt ?? 0 }),

    otherMessageWithExternalId: (propertyId: string, externalId: string, id: string) =>
      s.messageByExternalId.get(propertyId, externalId, id) as { id: string; conversationId: string } | undefined,
    messageStatus: (id: string) => s.messageStatus.get(id) as string | undefined,
    setMessageStatus: (id: string, status: string) => void s.setMessageStatus.run(status, id),
    deleteMessage(id: string) {
      s.outboxOf.run(id)
      s.deleteMessage.run(id)
    },
  }
}

export type SyncProjections = ReturnType<typeof syncProjections>
