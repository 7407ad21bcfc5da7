import { Type } from 'typebox'
import { ProblemSchema } from '../../../api-contract/index.js'
import { EARLIEST_DAY, EARLIEST_TIMESTAMP_ISO } from '../../domain/timestamps.js'

// The shapes the renderer reads and sends live in api-contract/; these are the routes' own.

/**
 * A time a client says something happened (a message's createdAt, messageCreatedAt): RFC 3339 with
 * a zone, from 2000-01-01 on. The domain check (domain/timestamps.ts) also refuses far-future ones.
 */
export const Timestamp = (options: { description?: string } = {}) =>
  Type.String({
    format: 'date-time',
    formatMinimum: EARLIEST_TIMESTAMP_ISO,
    ...options,
    description: options.description ?? 'RFC 3339 with a zone, e.g. 2026-02-10T10:30:00Z; from 2000-01-01, at most a day ahead.',
  })

/** A calendar day a client gives (a stay's arrival or departure): YYYY-MM-DD, from 2000-01-01 on. */
export const Day = (options: { description?: string } = {}) =>
  Type.String({ format: 'date', formatMinimum: EARLIEST_DAY, description: 'YYYY-MM-DD, from 2000-01-01', ...options })

export const problemResponses = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
}

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) })
