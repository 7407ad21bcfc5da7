import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { STATUS_CODES } from 'node:http'
import { Refusal, type RefusalKind } from '../services/problems.js'
import { HttpError } from './http-error.js'
import { storageProblem } from './storage-errors.js'
import { describeValidationErrors, type FieldError } from './validation.js'

export interface NormalizedError {
  status: number
  title: string
  detail: string
  errors?: readonly (FieldError & { index?: number })[]
}

const REFUSAL_STATUS: Record<RefusalKind, number> = { 'not-found': 404, conflict: 409, forbidden: 403 }

/**
 * Any thrown error as a status and words fit for a client: the one mapping of what a route or a
 * service refused to HTTP, which each API then sends in its own error shape. Only 4xx details are
 * passed on; a 5xx is logged and answered with a generic sentence.
 */
export function normalizeError(error: FastifyError | HttpError | Error, request: FastifyRequest): NormalizedError {
  if (error instanceof HttpError) {
    return { status: error.statusCode, title: error.title, detail: error.message, errors: error.errors }
  }
  if (error instanceof Refusal) {
    const status = REFUSAL_STATUS[error.kind]
    return { status, title: STATUS_CODES[status]!, detail: error.message, errors: error.problems }
  }
  const fastifyError = error as FastifyError
  if (fastifyError.validation) {
    const errors = describeValidationErrors(fastifyError.validation, fastifyError.validationContext)
    return {
      status: 400,
      title: 'Bad Request',
      detail: `the request ${fastifyError.validationContext ?? 'body'} is invalid: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
      errors,
    }
  }
  // A full disk, read-only or damaged storage: said as such (507/503), with Retry-After set by the storage guard.
  const storage = storageProblem(error, request.server.storageHealth?.file)
  if (storage) {
    request.log.error({ err: error }, 'storage failure')
    return { status: storage.status, title: storage.title, detail: storage.detail }
  }
  const status = fastifyError.statusCode
  if (status && status >= 400 && status < 500) {
    return { status, title: STATUS_CODES[status] ?? 'Bad Request', detail: error.message }
  }
  request.log.error({ err: error }, 'request failed')
  return { status: 500, title: 'Internal Server Error', detail: 'something went wrong on our side; the request was not applied' }
}

/** RFC 9457 problem details: the native API's error shape. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: NormalizedError) {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({
      type: 'about:blank',
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      instance: request.url.split('?')[0],
      ...(problem.errors ? { errors: problem.errors } : {}),
    })
}

export function useProblemErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => sendProblem(reply, request, normalizeError(error, request)))
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, {
      status: 404,
      title: 'Not Found',
      detail: `no route ${request.method} ${request.url.split('?')[0]}`,
    }),
  )
}
