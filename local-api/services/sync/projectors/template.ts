// A template: deleted or written; two templates of a property with one shortcut settled by id.
import { first, lacks, need, type ProjectorContext, type Projector } from './context.js'
import { templateRow } from './rows.js'

export function templateProjector(ctx: ProjectorContext): Projector & { settleShortcuts(propertyId: string): void } {
  const { store, sync } = ctx

  /**
   * Two templates of a property may end up with one shortcut (made on two desks at once): the
   * smaller id keeps it, each other gets its id's tail appended. Worked out from the synced states
   * of all live templates, so it does not depend on the order they arrived in.
   */
  function settleShortcuts(propertyId: string): void {
    const live = sync
      .statesOfProperty('template', propertyId)
      .filter((state) => !state.fields.deleted && sync.rowExists('template', state.id))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
    const taken = new Set<string>()
    const wanted = live.map(({ id, fields }) => {
      const base = String(fields.shortcut)
      const shortcut = taken.has(base) ? `${base}-${id.slice(-4).toLowerCase()}` : base
      taken.add(base)
      return { id, shortcut }
    })
    // Through unique stand-ins first, so no two rows hold one shortcut on the way.
    for (const { id } of wanted) store.templates.setShortcut(id, `~${id}`)
    for (const { id, shortcut } of wanted) store.templates.setShortcut(id, shortcut)
  }

  return {
    missing: (f) => (f.deleted ? null : first(lacks(f, 'name', 'shortcut', 'body') ? 'incomplete template' : null, need(ctx, 'property', f.propertyId, false))),
    project(id, state) {
      const f = state.fields
      if (f.deleted) {
        store.templates.remove(id)
        sync.saveEntityState('template', id, state)
        if (f.propertyId) settleShortcuts(String(f.propertyId))
        return id
      }
      store.templates.fromSync(templateRow(id, f, `${String(f.shortcut)}~${id}`))
      sync.saveEntityState('template', id, state)
      settleShortcuts(String(f.propertyId))
      return id
    },
    settleShortcuts,
  }
}
