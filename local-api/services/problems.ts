/** A field problem in a request, before anything is stored. `index` names a batch item. */
export interface Problem {
  index?: number
  field: string
  message: string
}

/**
 * What a service answers a request it may refuse for its content: the value, or every field problem
 * found (nothing was stored). Each API names the fields in its own words and answers them in its
 * own error shape, at the edge.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: Problem[] }

/** Why a service refuses a request as a whole, whatever its fields say. */
export type RefusalKind = 'not-found' | 'conflict' | 'forbidden'

/**
 * A request refused as a whole: what it names does not exist, clashes with what is stored, or is
 * not for this caller. Thrown by a service; each API answers it (404, 409, 403) in its own shape.
 * `problems` name the fields concerned, when any.
 */
export class Refusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
    readonly problems?: readonly Problem[],
  ) {
    super(message)
    this.name = 'Refusal'
  }
}
