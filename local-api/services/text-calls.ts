import type { ChannelAccount } from '../db/channel-accounts.js'
import type { OnsiteContact } from '../db/onsite-contacts.js'
import type { Store } from '../db/store.js'
import { newId } from '../domain/ids.js'
import type { ConversationService } from './conversations.js'
import type { DomainEvent } from './event-bus.js'
import type { Ingest } from './ingest.js'
import type { Outcome, Problem } from './problems.js'
import type { RoutingService } from './routing.js'
import type { ServiceRecordService } from './service-records.js'

export type IdentifierType = 'contact_id' | 'onsite_contact_id' | 'onsite_contact_sn'

export interface TextCall {
  account: ChannelAccount
  identifierType: IdentifierType | null
  identifier: string | null
  message: string
  shouldEnterQueue: boolean | null
  assigneeId: string | null
  collection: { memo?: string | null; values: { id: string; value: string }[] } | null
}

export interface TextCallAccepted {
  conversationId: string
  messageId: string
  contactId: string | null
  onsiteContactId: string
  status: 'queued' | 'manual'
}

/**
 * A text call from a channel account: finds or creates the onsite contact, stores exactly one
 * guest message through the ingest service, and in the same transaction routes the conversation
 * (transfer queue or manual pickup, assignee) and writes its service record.
 */
export function createTextCallService(
  store: Store,
  ingest: Ingest,
  serviceRecords: ServiceRecordService,
  routing: RoutingService,
  conversations: Pick<ConversationService, 'switchMode'>,
  clock: () => number = Date.now,
) {
  /** The contact the call is from: found, or described for creation; or why it cannot be. */
  function resolveContact(call: TextCall): { contact: OnsiteContact; created: boolean } | { problem: Problem } {
    const { account, identifierType, identifier } = call
    const fresh = (fields: Partial<OnsiteContact>) => ({
      contact: { id: newId('oc'), channelAccountId: account.id, sn: null, guestId: null, identityRowid: 0, createdAt: clock(), ...fields },
      created: true,
    })
    if (identifierType === null) {
      return identifier ? { problem: { field: 'identifierType', message: 'is required when identifier is given' } } : fresh({})
    }
    if (!identifier) return { problem: { field: 'identifier', message: `is required when identifier_type is ${identifierType}` } }
    switch (identifierType) {
      case 'contact_id': {
        if (!store.guests.get(identifier)) return { problem: { field: 'identifier', message: `names no contact (${identifier})` } }
        const known = store.onsiteContacts.byGuest(account.id, identifier)
        return known ? { contact: known, created: false } : fresh({ guestId: identifier })
      }
      case 'onsite_contact_id': {
        const known = store.onsiteContacts.get(identifier)
        return known && known.channelAccountId === account.id
          ? { contact: known, created: false }
          : { problem: { field: 'identifier', message: `names no onsite contact of this account (${identifier})` } }
      }
      case 'onsite_contact_sn': {
        const known = store.onsiteContacts.bySn(account.id, identifier)
        return known ? { contact: known, created: false } : fresh({ sn: identifier })
      }
    }
  }

  return {
    async accept(call: TextCall): Promise<Outcome<TextCallAccepted>> {
      const property = store.properties.get(call.account.propertyId)!
      const problems: Problem[] = []
      const resolved = resolveContact(call)
      if ('problem' in resolved) problems.push(resolved.problem)
      if (call.assigneeId !== null) {
        const agent = store.agents.get(call.assigneeId)
        if (!agent || !agent.active) problems.push({ field: 'assigneeId', message: `names no active agent (${call.assigneeId})` })
      }
      const values = call.collection?.values ?? []
      problems.push(...serviceRecords.check(property.id, { values }, 'collection.values'))
      if ('problem' in resolved || problems.length) return { ok: false, problems }

      const { contact, created } = resolved
      const status = call.shouldEnterQueue ? 'queued' : 'manual'
      const outcome = await ingest.submit(
        property,
        [
          {
            channel: call.account.channel,
            identity: { kind: 'onsite_contact', value: contact.id, guestId: contact.guestId },
            source: { channelAccountId: call.account.id },
            direction: 'in',
            content: { type: 'text', text: call.message },
            createdAt: clock(),
          },
        ],
        {
          alsoWrite: ([result]): DomainEvent[] => {
            const now = clock()
            const conversationId = result!.conversationId
            if (created) {
              const identity = store.guests.findIdentity('onsite_contact', contact.id)!
              const row = { ...contact, identityRowid: identity.rowid }
              store.onsiteContacts.insert(row)
              store.changeLog.append('onsite_contact', contact.id, 'insert', row, now)
            }
            const current = store.conversations.get(conversationId)!
            const route = { queueState: status, assignedAgentId: call.assigneeId ?? current.assignedAgentId } as const
            store.conversations.setRouting(conversationId, route)
            store.changeLog.append('conversation', conversationId, 'update', route, now)
            const published: DomainEvent[] = [{ type: 'conversation.updated', conversationId, propertyId: property.id }]
            // The transfer queue is the way to a person: the AI agent stays out of queued conversations,
            // and the switch is a human transfer like any other (timeline, statistics).
            if (status === 'queued' && current.mode === 'ai')
              published.push(...conversations.switchMode(current, 'human', 'system', 'entered the transfer queue', now))
            if (call.collection) serviceRecords.write(conversationId, { memo: call.collection.memo, values }, now)
            return published
          },
        },
      )
      // The call holds one message: whatever ingest finds wrong with it is about the message.
      if (!outcome.ok) return { ok: false, problems: outcome.problems.map((problem) => ({ field: 'message', message: problem.message })) }
      const [result] = outcome.value
      // Queued without an assignee: the next signed-in agent in turn takes it, or it waits.
      if (status === 'queued') routing.route(result!.conversationId)
      return {
        ok: true,
        value: { conversationId: result!.conversationId, messageId: result!.messageId, contactId: contact.guestId, onsiteContactId: contact.id, status },
      }
    },
  }
}

export type TextCallService = ReturnType<typeof createTextCallService>
