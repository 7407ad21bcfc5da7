// An agent: one per e-mail address; two desks that made one agent merge into the smaller id.
import { lacks, type ProjectorContext, type Projector } from './context.js'
import { mergeIntoSmaller } from './merge-into-smaller.js'

export function agentProjector({ sync, rows }: ProjectorContext): Projector {
  return {
    missing: (f) => (lacks(f, 'name', 'email') ? 'incomplete agent' : null),
    project(id, state) {
      const f = state.fields
      const other = rows.otherAgentWithEmail(String(f.email), id)
      if (other) {
        const kept = mergeIntoSmaller(sync, 'agent', id, state, other, {
          write: (agentId, fields) => rows.agent(agentId, fields),
          takeOver() {
            // Under a stand-in e-mail until the other row, which holds it, is gone.
            rows.agent(id, { ...f, email: `${String(f.email)}#${id}` })
            rows.mergeAgent(other, id)
          },
        })
        if (kept !== id) return kept
      }
      rows.agent(id, f)
      return id
    },
  }
}
