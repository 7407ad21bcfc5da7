/** A field problem in a request, before anything is stored. `index` names a batch item. */
export interface Problem {
  index?: number
  field: string
  message: string
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: Problem[] }
