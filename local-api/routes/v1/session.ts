import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { Agent } from '../../db/agents.js'
import { HttpError, invalidInput } from '../../../sync-core/http/http-error.js'
import { SESSION_COOKIE } from '../../plugins/auth.js'
import { OwnPasswordChangeBody, OwnUiLanguageBody, ProblemSchema, SessionSchema, SignInBody } from '../../../api-contract/index.js'
import { problemResponses } from './schemas.js'
import { agentView } from './views.js'

/** Starts a session for the agent and sets its cookie on the reply. */
export function signIn(app: FastifyInstance, reply: FastifyReply, agent: Agent): void {
  const { token, expiresAt } = app.agents.startSession(agent.id)
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    expires: new Date(expiresAt),
  })
}

export const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/session',
    {
      // A coarse flood limit per address (never per presented credential: junk tokens buy nothing);
      // the sign-in throttle below does the real work.
      config: { rateLimit: { max: 30, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => `sign-in:${request.ip}` } },
      schema: {
        tags: ['native'],
        summary: 'Sign in: sets the httpOnly session cookie the inbox uses',
        description:
          'Throttled by client address and by account (email), never by a presented credential. After a few failures the ' +
          'next try must wait (429 with Retry-After); the 10th failure within 15 minutes locks the account for 15 minutes ' +
          '(423 with Retry-After, even for the right password; an admin can unlock it). Unknown emails are treated alike.',
        security: [],
        body: SignInBody,
        response: { 200: SessionSchema, ...problemResponses, 423: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      const gate = app.signInThrottle.begin(request.ip, request.body.email)
      if (!gate.allowed) {
        reply.header('retry-after', String(Math.max(1, Math.ceil(gate.retryAfterMs / 1000))))
        if (gate.reason === 'locked') {
          throw new HttpError(
            423,
            'Locked',
            `this account is locked after too many failed sign-ins until ${new Date(gate.lockedUntil).toISOString()}; ` +
              'try again then, or ask an admin to unlock it',
          )
        }
        throw new HttpError(429, 'Too Many Requests', `too many failed sign-ins; try again in ${Math.ceil(gate.retryAfterMs / 1000)} s`)
      }
      const agent = await app.agents.authenticate(request.body.email, request.body.password)
      if (!agent) {
        app.signInThrottle.failed(gate.attempt)
        throw new HttpError(401, 'Unauthorized', 'the email or password is wrong, or the agent is deactivated')
      }
      app.signInThrottle.succeeded(gate.attempt)
      signIn(app, reply, agent)
      // Conversations that waited in the queue while nobody was signed in are handed out now.
      app.queueRouting.routeWaiting()
      return { agent: agentView(agent) }
    },
  )

  app.get(
    '/session',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: { tags: ['native'], summary: 'The signed-in agent', response: { 200: SessionSchema, ...problemResponses } },
    },
    async (request) => {
      if (!request.agent) throw new HttpError(400, 'Bad Request', 'an API token is not a signed-in agent')
      return { agent: agentView(request.agent) }
    },
  )

  app.put(
    '/session/password',
    {
      // Guessing the current password from an open session is slowed like sign-ins.
      config: { rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => `own-password:${request.ip}` } },
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'The signed-in agent changes their own password (the current one required)',
        description: "The new password follows the desk's password rules. Every session of the agent ends; the one that asked gets a new cookie.",
        body: OwnPasswordChangeBody,
        response: { 204: Type.Null(), ...problemResponses, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      if (!request.agent) throw new HttpError(400, 'Bad Request', 'an API token is not a signed-in agent')
      const changed = await app.agents.changeOwnPassword(request.agent, request.body.currentPassword, request.body.newPassword)
      if (!changed.ok) throw invalidInput(changed.problems)
      signIn(app, reply, changed.value)
      return reply.code(204).send(null)
    },
  )

  app.put(
    '/session/language',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: "The signed-in agent chooses the inbox's language (null: their browser's); remembered with the agent on every desk",
        body: OwnUiLanguageBody,
        response: { 200: SessionSchema, ...problemResponses },
      },
    },
    async (request) => {
      if (!request.agent) throw new HttpError(400, 'Bad Request', 'an API token is not a signed-in agent')
      const agent = app.agents.setUiLanguage(request.agent.id, request.body.uiLanguage)
      if (!agent) throw new HttpError(404, 'Not Found', 'the signed-in agent no longer exists')
      return { agent: agentView(agent) }
    },
  )

  app.delete(
    '/session',
    { schema: { tags: ['native'], summary: 'Sign out: ends the session and clears its cookie', security: [], response: { 204: Type.Null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE]
      if (token) app.agents.endSession(token)
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return reply.code(204).send(null)
    },
  )
}
