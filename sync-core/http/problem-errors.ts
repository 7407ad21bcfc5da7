import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { HttpError } from './http-error.js'
import { describeValidationErrors, type FieldError } from './validation.js'

// Not an ESM import: that evaluates every export of node:http, loading fetch's undici (~50 ms of each start).
const { STATUS_CODES } = process.getBuiltinModule('node:http')

export interface NormalizedError {
  status: number
  title: string
  detail: string
  errors?: readonly (FieldError & { index?: number })[]
}

/**
 * What one server adds to the shared answers: its own kinds of failure (the desk's storage
 * failures) as a problem for the client, or undefined for an error it does not recognise.
 */
export type ErrorAnswer = (error: Error, request: FastifyRequest) => NormalizedError | undefined

/**
 * Any thrown error as a status and words fit for a client. Only 4xx details are passed on; a 5xx
 * is logged and answered with a generic sentence.
 */
export function normalizeError(error: FastifyError | HttpError | Error, request: FastifyRequest, answer?: ErrorAnswer): NormalizedError {
  if (error instanceof HttpError) {
    return { status: error.statusCode, title: error.title, detail: error.message, errors: error.errors }
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
  const answered = answer?.(error, request)
  if (answered) return answered
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

export function useProblemErrors(app: FastifyInstance, answer?: ErrorAnswer): void {
  app.setErrorHandler((error: FastifyError, request, reply) => sendProblem(reply, request, normalizeError(error, request, answer)))
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, {
      status: 404,
      title: 'Not Found',
      detail: `no route ${request.method} ${request.url.split('?')[0]}`,
    }),
  )
}
