import { signIn } from './sessions.js'
import { bearer, PUSH_URL, startTestApp, type TestApp } from './test-app.js'

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
type InjectResponse = Awaited<ReturnType<TestApp['app']['inject']>>

export const AGENT_PASSWORD = 'front desk 2026'

/** A desk with an admin token and two agents, Luca and Mia, not signed in yet (cookie ''). */
export interface DeskWithAgents {
  t: TestApp
  admin: string
  agents: Record<'luca' | 'mia', { id: string; cookie: string }>
  /** A request with the admin token unless other headers are given. */
  api(method: Method, url: string, payload?: object, headers?: Record<string, string>): Promise<InjectResponse>
  /** Pushes one dialect-1 message; returns its conversation. */
  push(message: object): Promise<string>
  /** Pushes one guest text through the native API on a channel, at a time; returns its conversation. */
  native(channel: string, phone: string, at: number): Promise<string>
  /** Signs an agent in; returns the session cookie. */
  signIn(email: string, password: string): Promise<string>
}

export async function startDeskWithAgents(): Promise<DeskWithAgents> {
  const t = await startTestApp()
  const admin = t.token(['admin'])
  const api: DeskWithAgents['api'] = (method, url, payload, headers = bearer(admin)) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) })
  const agents = {} as DeskWithAgents['agents']
  for (const [key, name] of [
    ['luca', 'Luca Meier'],
    ['mia', 'Mia Huber'],
  ] as const) {
    const email = `${key}@alpenblick.ch`
    const created = await api('POST', '/v1/agents', { name, email, password: AGENT_PASSWORD, role: 'agent' })
    agents[key] = { id: created.json().id, cookie: '' }
  }
  return {
    t,
    admin,
    agents,
    api,
    push: async (message) => (await api('POST', PUSH_URL, { messages: [message] })).json()[0].conversationId as string,
    native: async (channel, phone, at) =>
      (
        await api('POST', '/v1/messages', {
          messages: [{ channel, guest: { phone }, direction: 'in', content: { type: 'text', text: 'Hi there' }, createdAt: new Date(at).toISOString() }],
        })
      ).json().items[0].conversationId as string,
    signIn: (email, password) => signIn(t, email, password),
  }
}
