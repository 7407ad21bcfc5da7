import type { FieldError } from './validation.js'

/** A field problem a service found; `index` names a batch item. */
type Problem = FieldError & { index?: number }

/** An error a route means to send: its status, a title, a human detail and field problems. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly title: string,
    detail: string,
    readonly errors?: readonly (FieldError & { index?: number })[],
  ) {
    super(detail)
  }
}

export const notFound = (what: string, id: string) => new HttpError(404, 'Not Found', `no ${what} has the id ${id}`)

/** How an API calls a field a service named in the domain's words (default: as the service does). */
export type FieldNames = (problem: Problem) => string

const asNamed = (problems: readonly Problem[], fieldName: FieldNames) => problems.map((problem) => ({ ...problem, field: fieldName(problem) }))

/**
 * A service's field problems (a refused `Outcome`) as the 400 every API answers them with, in its
 * own error shape: each field named as the API calls it, the detail naming each problem.
 */
export function invalidInput(problems: readonly Problem[], fieldName: FieldNames = (problem) => problem.field): HttpError {
  const named = asNamed(problems, fieldName)
  return new HttpError(400, 'Bad Request', named.map((p) => `${p.field} ${p.message}`).join('; '), named)
}

/** A refused batch of messages: the 400 says how many of them are invalid, the problems say why, by index. */
export function invalidBatch(problems: readonly Problem[], fieldName: FieldNames = (problem) => problem.field): HttpError {
  const items = new Set(problems.map((problem) => problem.index)).size
  return new HttpError(400, 'Bad Request', `${items} message(s) are invalid; nothing was stored`, asNamed(problems, fieldName))
}
