import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SIGNATURE_HEADER, verifyWebhook } from '../domain/webhook-signature.js'

/** Where the receiver takes deliveries: the sample channel account's webhook is `<origin>${DEMO_WEBHOOK_PATH}`. */
export const DEMO_WEBHOOK_PATH = '/demo-webhook'
const MAX_BODY = 1_000_000

export interface DemoWebhookReceiver {
  url: string
  port: number
  /** Deliveries it acknowledged since it started. */
  received(): number
  close(): Promise<void>
}

/**
 * A stand-in for a channel's backend, for the sample data: a small HTTP server on 127.0.0.1 that
 * checks each reply's signature with the account's secret and acknowledges it (200), so replies
 * in the sample conversations show *Delivered*. A call with a bad signature gets 401, anything else 404.
 */
export async function startDemoWebhookReceiver({ secret, port = 0 }: { secret: string; port?: number }): Promise<DemoWebhookReceiver> {
  let received = 0
  const server: Server = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== DEMO_WEBHOOK_PATH) {
      response.writeHead(404).end()
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) request.destroy()
      else chunks.push(chunk)
    })
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const signature = request.headers[SIGNATURE_HEADER]
      if (typeof signature !== 'string' || !verifyWebhook(secret, body, signature)) {
        response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad signature"}')
        return
      }
      received++
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}')
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const bound = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${bound}${DEMO_WEBHOOK_PATH}`,
    port: bound,
    received: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
