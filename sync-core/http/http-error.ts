import type { FieldError } from './validation.js'

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

/** A 400 naming every field problem a service found. */
export const invalidInput = (problems: readonly (FieldError & { index?: number })[]) =>
  new HttpError(400, 'Bad Request', problems.map((p) => `${p.field} ${p.message}`).join('; '), problems)
