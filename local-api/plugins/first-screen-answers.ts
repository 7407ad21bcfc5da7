import type { FastifyInstance, FastifyRequest } from 'fastify'

/** The element of the inbox's page that carries them (renderer/api/first-screen-answers.ts reads it). */
export const FIRST_SCREEN_ELEMENT_ID = 'first-screen-answers'

/** An API answer as the page carries it: what `fetch` would have returned for that request. */
export interface FirstScreenAnswer {
  status: number
  body: unknown
}

/**
 * The API requests the inbox's first screen draws from at `pathname` (renderer/app/first-screen.ts
 * asks for the same, by the same addresses): the setup status and session; in the inbox, the first
 * page of the list (its default view, needs reply) and the properties, outlets and channels its filters offer; at a chat, its newest messages
 * and summary only. The list is drawn after the chat there: the page does not wait for its answers,
 * which the desk works out while the browser draws the chat.
 */
export function firstScreenRequests(pathname: string, conversationId?: string): string[] {
  const requests = ['/v1/setup', '/v1/session']
  if (conversationId !== undefined) {
    const id = encodeURIComponent(conversationId)
    requests.push(`/v1/conversations/${id}/messages?limit=50`, `/v1/conversations/${id}`)
  } else if (pathname === '/') requests.push('/v1/properties', '/v1/outlets', '/v1/conversation-channels', '/v1/conversations?view=needs_reply&limit=50')
  return requests
}

/**
 * The answers to those requests, asked of the API itself with the page request's own credentials
 * (and Host): exactly what the page's own requests would get, signed out a 401, a property-bound
 * token only its property. One that fails is left out: the page then asks for it as usual.
 */
export async function firstScreenAnswers(app: FastifyInstance, request: FastifyRequest, urls: readonly string[]): Promise<Record<string, FirstScreenAnswer>> {
  const headers: Record<string, string> = { accept: 'application/json' }
  for (const name of ['cookie', 'authorization', 'host'] as const) {
    const value = request.headers[name]
    if (typeof value === 'string') headers[name] = value
  }
  const answers: Record<string, FirstScreenAnswer> = {}
  for (const url of urls) {
    try {
      const response = await app.inject({ method: 'GET', url, headers, remoteAddress: request.ip })
      const json = (response.headers['content-type'] ?? '').toString().includes('json')
      if (json) answers[url] = { status: response.statusCode, body: response.body ? (JSON.parse(response.body) as unknown) : null }
    } catch (error) {
      request.log.warn({ err: error, url }, 'a first-screen answer was left out of the page')
    }
  }
  return answers
}

/**
 * JSON to place inside a `<script type="application/json">` element: with every `<` escaped, no text
 * in it (a guest's message preview, say) can close the element or open markup.
 */
export const jsonInScriptElement = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c')
