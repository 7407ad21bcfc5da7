// How a desk reaches the central server. The HTTP transport is what runs; tests put a faulty one
// (drops, duplicates, delays) in its place.
import type { HelloResponse, PullResponse, PushGap, PushRequest, PushResponse, SnapshotPage } from '../../../sync-core/protocol.js'

export interface SyncTransport {
  hello(body: { clientId: string; schemaVersion: number }): Promise<HelloResponse>
  push(body: PushRequest): Promise<PushResponse | PushGap>
  pull(space: string, after: number, limit: number): Promise<PullResponse>
  snapshot(space: string, cursor: string | null, limit: number): Promise<SnapshotPage>
  /** Calls `onPoke(space)` whenever the central server has news (and `onPoke('')` once connected); returns a stop function. */
  listen?(onPoke: (space: string) => void, onError: (error: unknown) => void): () => void
}

export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** No answer from the central server (refused, reset, timed out): worth trying again shortly. */
export class SyncUnreachableError extends Error {}

/** A failure a retry may get past: no answer, or the central server busy or failing for a moment (5xx, 429). */
export const isTransientSyncError = (error: unknown): boolean =>
  error instanceof SyncUnreachableError || (error instanceof SyncHttpError && (error.status >= 500 || error.status === 429))

export function httpTransport(centralUrl: string, credential: string, timeoutMs = 30_000): SyncTransport {
  const base = centralUrl.replace(/\/+$/, '')
  const headers = { authorization: `Bearer ${credential}`, 'content-type': 'application/json' }

  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, accept: number[] = []): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: method === 'GET' ? { authorization: headers.authorization } : headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    }).catch((error: Error & { cause?: { code?: string } }) => {
      const why = error.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (error.cause?.code ?? error.message)
      throw new SyncUnreachableError(`cannot reach the central server at ${base} (${why})`)
    })
    const text = await response.text()
    if (!response.ok && !accept.includes(response.status)) {
      let detail = text.slice(0, 300)
      try {
        detail = (JSON.parse(text) as { detail?: string }).detail ?? detail
      } catch {
        // not JSON: the text as it came
      }
      throw new SyncHttpError(response.status, `central server answered ${response.status}: ${detail}`)
    }
    return JSON.parse(text) as T
  }

  return {
    hello: (body) => call('POST', '/sync/v1/hello', body),
    push: (body) => call('POST', '/sync/v1/push', body, [409]),
    pull: (space, after, limit) => call('GET', `/sync/v1/pull?space=${encodeURIComponent(space)}&after=${after}&limit=${limit}`),
    snapshot: (space, cursor, limit) =>
      call('GET', `/sync/v1/snapshot?space=${encodeURIComponent(space)}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
    listen(onPoke, onError) {
      const controller = new AbortController()
      void (async () => {
        try {
          const response = await fetch(`${base}/sync/v1/events`, { headers: { authorization: headers.authorization }, signal: controller.signal })
          if (!response.ok || !response.body) throw new SyncHttpError(response.status, `event stream answered ${response.status}`)
          // Open again: whatever was missed while it was closed is worth a pull now.
          onPoke('')
          const decoder = new TextDecoder()
          let buffer = ''
          const reader = response.body.getReader()
          for (;;) {
            const { done, value } = await reader.read()
            if (done) break
            buffer += decoder.decode(value, { stream: true })
            let end: number
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const event = buffer.slice(0, end)
              buffer = buffer.slice(end + 2)
              const data = /^data: (.*)$/m.exec(event)?.[1]
              if (/^event: poke$/m.test(event) && data) onPoke((JSON.parse(data) as { space: string }).space)
            }
          }
          if (!controller.signal.aborted) onError(new Error('the event stream ended'))
        } catch (error) {
          if (!controller.signal.aborted) onError(error)
        }
      })()
      return () => controller.abort()
    },
  }
}
