import type { Template } from '../db/templates.js'
import type { Store } from '../db/store.js'
import { newId } from '../domain/ids.js'
import type { Outcome } from './problems.js'

export type TemplateInput = Pick<Template, 'propertyId' | 'name' | 'shortcut' | 'body'> & Partial<Pick<Template, 'language' | 'channel' | 'approval'>>

/** Quick-reply templates. */
export function createTemplateService(store: Store, clock: () => number = Date.now) {
  const shortcutTaken = (propertyId: string, shortcut: string, exceptId?: string) => {
    const holder = store.templates.byShortcut(propertyId, shortcut)
    return holder !== undefined && holder.id !== exceptId
  }

  return {
    create(input: TemplateInput): Outcome<Template> {
      if (!store.properties.get(input.propertyId)) return { ok: false, problems: [{ field: 'propertyId', message: 'names no property' }] }
      if (shortcutTaken(input.propertyId, input.shortcut)) return { ok: false, problems: [{ field: 'shortcut', message: 'is already used on this property' }] }
      const now = clock()
      const template: Template = { language: 'en', channel: null, approval: null, ...input, id: newId('tpl'), createdAt: now, updatedAt: now }
      store.transaction(() => {
        store.templates.insert(template)
        store.changeLog.append('template', template.id, 'insert', template, now)
      })
      return { ok: true, value: template }
    },

    update(template: Template, changes: Partial<Omit<TemplateInput, 'propertyId'>>): Outcome<Template> {
      const next = { ...template, ...changes, updatedAt: clock() }
      if (shortcutTaken(next.propertyId, next.shortcut, next.id))
        return { ok: false, problems: [{ field: 'shortcut', message: 'is already used on this property' }] }
      store.transaction(() => {
        store.templates.update(next)
        store.changeLog.append('template', next.id, 'update', changes, next.updatedAt)
      })
      return { ok: true, value: next }
    },

    remove(template: Template): void {
      store.transaction(() => {
        store.templates.remove(template.id)
        store.changeLog.append('template', template.id, 'update', { deleted: true }, clock())
      })
    },
  }
}

export type TemplateService = ReturnType<typeof createTemplateService>
