import type { ServiceRecord } from '../db/service-records.js'
import type { Store } from '../db/store.js'
import { newId } from '../domain/ids.js'
import type { EventBus } from './event-bus.js'
import type { Outcome, Problem } from './problems.js'

export interface ServiceRecordInput {
  memo?: string | null
  /** Custom field values by field id; each id must be a field of the conversation's property. */
  values?: { id: string; value: string }[]
}

/** Custom fields per property, and conversations' service records (a memo and field values). */
export function createServiceRecordService(store: Store, events: EventBus, clock: () => number = Date.now) {
  /** Problems with the field ids (unknown, or of another property), each named by its index. */
  function check(propertyId: string, input: ServiceRecordInput, field = 'values'): Problem[] {
    return (input.values ?? []).flatMap((entry, index) => {
      const known = store.customFields.get(entry.id)
      return known && known.propertyId === propertyId
        ? []
        : [{ field: `${field}.${index}.id`, message: `names no custom field of this property (${entry.id})` }]
    })
  }

  /** Writes the record; must run inside a transaction. New values merge into the existing ones. */
  function write(conversationId: string, input: ServiceRecordInput, now: number): ServiceRecord {
    const current = store.serviceRecords.get(conversationId)
    const values = { ...current?.values }
    for (const entry of input.values ?? []) values[entry.id] = entry.value
    const record: ServiceRecord = { conversationId, memo: input.memo ?? current?.memo ?? '', values, updatedAt: now }
    store.serviceRecords.upsert(record)
    store.changeLog.append('service_record', conversationId, 'update', { memo: record.memo, values }, now)
    return record
  }

  return {
    check,
    write,

    /** Validates and saves a service record edited in the inbox. */
    save(conversation: { id: string; propertyId: string }, input: ServiceRecordInput): Outcome<ServiceRecord> {
      const problems = check(conversation.propertyId, input)
      if (problems.length) return { ok: false, problems }
      const record = store.transaction(() => write(conversation.id, input, clock()))
      events.publish([{ type: 'conversation.updated', conversationId: conversation.id, propertyId: conversation.propertyId }])
      return { ok: true, value: record }
    },

    createField(propertyId: string, name: string): Outcome<{ id: string; propertyId: string; name: string; createdAt: number }> {
      if (!store.properties.get(propertyId)) return { ok: false, problems: [{ field: 'propertyId', message: 'names no property' }] }
      if (store.customFields.ofProperty(propertyId).some((field) => field.name === name)) {
        return { ok: false, problems: [{ field: 'name', message: 'is already a field of this property' }] }
      }
      const field = { id: newId('cf'), propertyId, name, createdAt: clock() }
      store.transaction(() => {
        store.customFields.insert(field)
        store.changeLog.append('custom_field', field.id, 'insert', field, field.createdAt)
      })
      return { ok: true, value: field }
    },

    renameField(id: string, name: string): void {
      store.transaction(() => {
        store.customFields.rename(id, name)
        store.changeLog.append('custom_field', id, 'update', { name }, clock())
      })
    },
  }
}

export type ServiceRecordService = ReturnType<typeof createServiceRecordService>
