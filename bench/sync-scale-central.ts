/**
 * One central server instance of the sync scale bench (bench/sync-scale.ts), in a worker thread of
 * its own: in a group each instance runs on its own server, so it is not made to wait on the event
 * loop that plays the fifty desks (and the desks not on it). The bench talks to it by messages:
 * it starts listening on 127.0.0.1 and says its address; then it adds devices, records the time each
 * request took by route while asked to, hands those times over and closes, when asked.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { buildCentralServer } from '../central/server.js'
import { openPostgresCentralStore } from '../central/store/postgres-store.js'

export interface CentralWorkerData {
  databaseUrl: string
  schema: string
}

export type CentralRequest =
  | { id: number; kind: 'add-device'; name: string; propertyId: string }
  | { id: number; kind: 'record'; on: boolean }
  | { id: number; kind: 'times' }
  | { id: number; kind: 'close' }

export type CentralReply =
  | { kind: 'listening'; url: string }
  | { kind: 'failed'; message: string }
  | { id: number; kind: 'done'; value: unknown }
  | { id: number; kind: 'error'; message: string }

const port = parentPort!
const { databaseUrl, schema } = workerData as CentralWorkerData
const say = (reply: CentralReply) => port.postMessage(reply)

try {
  const store = await openPostgresCentralStore(databaseUrl, { schema })
  // Every desk here comes from 127.0.0.1; in a group each comes from its own address.
  const app = await buildCentralServer({ store, rateLimitPerMinute: 1e9 })
  const byRoute: Record<string, number[]> = {}
  let recording = false
  app.addHook('onResponse', async (request, reply) => {
    if (!recording) return
    const route = request.routeOptions.url ?? request.url
    ;(byRoute[route] ??= []).push(reply.elapsedTime)
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  port.on('message', async (request: CentralRequest) => {
    try {
      switch (request.kind) {
        case 'add-device':
          say({ id: request.id, kind: 'done', value: (await app.centralSync.addDevice(request)).credential })
          break
        case 'record':
          recording = request.on
          say({ id: request.id, kind: 'done', value: null })
          break
        case 'times':
          say({ id: request.id, kind: 'done', value: byRoute })
          break
        case 'close':
          await app.close()
          say({ id: request.id, kind: 'done', value: null })
          port.close()
          break
      }
    } catch (error) {
      say({ id: request.id, kind: 'error', message: (error as Error).message })
    }
  })
  say({ kind: 'listening', url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` })
} catch (error) {
  say({ kind: 'failed', message: (error as Error).message })
  port.close()
}
