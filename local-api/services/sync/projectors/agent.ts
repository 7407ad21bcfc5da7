// An agent: one per e-mail address; two desks that made one agent merge into the smaller id.
import { lacks, type ProjectorContext, type Projector } from './context.js'
import { mergeIntoSmaller } from './merge-into-smaller.js'
import { agentRow } from './rows.js'

export function agentProjector({ store, sync }: ProjectorContext): Projector {
  return {
    missing: (f) => (lacks(f, 'name', 'email') ? 'incomplete agent' : null),
    project(id, state) {
      const f = state.fields
      const holder = store.agents.byEmail(String(f.email))
      const other = holder && holder.id !== id ? holder.id : undefined
      if (other) {
        const kept = mergeIntoSmaller(sync, 'agent', id, state, other, {
          write: (agentId, fields) => store.agents.fromSync(agentRow(agentId, fields)),
          takeOver() {
            // Under a stand-in e-mail until the other row, which holds it, is gone.
            store.agents.fromSync(agentRow(id, { ...f, email: `${String(f.email)}#${id}` }))
            store.agents.mergeInto(other, id)
          },
        })
        if (kept !== id) return kept
      }
      store.agents.fromSync(agentRow(id, f))
      return id
    },
  }
}
