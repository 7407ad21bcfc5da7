import type { ErrorAnswer } from '../../sync-core/http/problem-errors.js'
import { Refusal, type RefusalKind } from '../services/problems.js'
import { storageFailureAnswer } from './storage-errors.js'

// Not an ESM import: that evaluates every export of node:http, loading fetch's undici (~50 ms of each start).
const { STATUS_CODES } = process.getBuiltinModule('node:http')

const REFUSAL_STATUS: Record<RefusalKind, number> = { 'not-found': 404, conflict: 409, forbidden: 403 }

/**
 * What the desk adds to the shared error answers: a service's refusal (404, 409, 403) and the
 * store's failures (507, 503). The one mapping of the desk's errors to HTTP; each API then sends
 * the answer in its own error shape.
 */
export const deskErrorAnswer: ErrorAnswer = (error, request) => {
  if (error instanceof Refusal) {
    const status = REFUSAL_STATUS[error.kind]
    return { status, title: STATUS_CODES[status]!, detail: error.message, errors: error.problems }
  }
  return storageFailureAnswer(error, request)
}
