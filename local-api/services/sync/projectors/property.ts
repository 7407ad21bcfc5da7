import { lacks, type ProjectorContext, type Projector } from './context.js'

export function propertyProjector({ rows }: ProjectorContext): Projector {
  return {
    missing: (f) => (lacks(f, 'name', 'defaultCountry') ? 'incomplete property' : null),
    project(id, state) {
      rows.property(id, state.fields)
      return id
    },
  }
}
