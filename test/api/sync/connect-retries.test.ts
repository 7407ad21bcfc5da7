import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { after, describe, it } from 'node:test'
import { buildCentralServer, type CentralServer } from '../../../central/server.js'
import { openSqliteCentralStore } from '../../../central/store/sqlite-store.js'
import { createSyncService } from '../../../central/sync-service.js'
import { openDatabase } from '../../../local-api/db/open.js'
import { openStore } from '../../../local-api/db/store.js'
import { createProperty } from '../../../local-api/services/properties.js'
import { createServices } from '../../../local-api/services/index.js'
import { httpTransport, SyncUnreachableError, type SyncTransport } from '../../../local-api/services/sync/transport.js'
import { tempDir } from '../../support/test-app.js'

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

describe('connecting to a central server that is slow to answer', () => {
  const dirs: string[] = []
  const centrals: CentralServer[] = []
  const dir = (prefix: string) => {
    const made = tempDir(prefix)
    dirs.push(made)
    return made
  }
  const startCentral = async (port: number) => {
    const central = await buildCentralServer({ store: openSqliteCentralStore(dir('frontdesk-central-')) })
    await central.listen({ port, host: '127.0.0.1' })
    centrals.push(central)
    return central
  }
  after(async () => {
    for (const central of centrals) await central.close()
    for (const made of dirs) rmSync(made, { recursive: true, force: true })
  })

  it('connect tries again with a growing pause until the central server answers', async () => {
    const port = await freePort()
    const store = openStore(dir('frontdesk-desk-'))
    const property = createProperty(store, { name: 'Hotel Alpenblick', defaultCountry: 'CH', timeZone: 'Europe/Zurich' })
    const { sync } = createServices(store)
    try {
      // The device is issued on the central server's store before that server runs.
      const centralDir = dir('frontdesk-central-')
      const issuing = openSqliteCentralStore(centralDir)
      const credential = (await createSyncService(issuing).addDevice({ name: 'Desk', propertyId: property.id })).credential
      await issuing.close()
      // It comes up a second after the desk first calls it (ECONNREFUSED until then).
      setTimeout(() => {
        void (async () => {
          const central = await buildCentralServer({ store: openSqliteCentralStore(centralDir) })
          await central.listen({ port, host: '127.0.0.1' })
          centrals.push(central)
        })()
      }, 1_000)
      const started = performance.now()
      const connected = await sync.connect(`http://127.0.0.1:${port}`, credential)
      assert.ok(performance.now() - started >= 1_000)
      assert.equal(connected.propertyId, property.id)
    } finally {
      await sync.stop()
      store.close()
    }
  })

  it('connect gives up with the reason after its attempts, and a refused credential at once', async () => {
    const port = await freePort()
    const store = openStore(dir('frontdesk-desk-'))
    const { sync } = createServices(store)
    try {
      const started = performance.now()
      await assert.rejects(sync.connect(`http://127.0.0.1:${port}`, 'fdd_nobody'), /cannot reach the central server .*ECONNREFUSED/)
      assert.ok(performance.now() - started >= 3_000, 'three pauses: 0.5 + 1 + 2 s')
      const central = await startCentral(0)
      const address = central.server.address() as { port: number }
      const refusedAt = performance.now()
      await assert.rejects(sync.connect(`http://127.0.0.1:${address.port}`, 'fdd_nobody'), /refused this credential/)
      assert.ok(performance.now() - refusedAt < 500, 'no retry for a refusal')
    } finally {
      await sync.stop()
      store.close()
    }
  })

  it('a round cut off half way goes on from the last page it applied, and the first sync completes', async () => {
    const central = await startCentral(0)
    const url = `http://127.0.0.1:${(central.server.address() as { port: number }).port}`
    const storeA = openStore(dir('frontdesk-desk-'))
    const property = createProperty(storeA, { name: 'Hotel Alpenblick', defaultCountry: 'CH', timeZone: 'Europe/Zurich' })
    const servicesA = createServices(storeA)
    for (let i = 0; i < 60; i++) {
      const written = servicesA.ingest.ingest(property, [
        {
          channel: 'web_chat',
          identity: { kind: 'phone', value: `+417955${String(i).padStart(5, '0')}` },
          direction: 'in',
          content: { type: 'text', text: `Hello ${i}` },
          createdAt: Date.now(),
        },
      ])
      assert.ok(written.ok)
    }
    await servicesA.sync.connect(url, (await central.centralSync.addDevice({ name: 'A', propertyId: property.id })).credential)
    await servicesA.sync.syncOnce()
    await servicesA.sync.stop()
    storeA.close()

    // Desk B's connection resets on its third pull request, once.
    let pulls = 0
    const flaky = (centralUrl: string, credential: string): SyncTransport => {
      const real = httpTransport(centralUrl, credential)
      return {
        ...real,
        pull: (space, after, limit) => {
          if (++pulls === 3) return Promise.reject(new SyncUnreachableError(`cannot reach the central server at ${centralUrl} (ECONNRESET)`))
          return real.pull(space, after, limit)
        },
      }
    }
    const dirB = dir('frontdesk-desk-')
    const storeB = openStore(dirB)
    const servicesB = createServices(storeB, { sync: { transport: flaky, client: { pullBatch: 25 } } })
    try {
      await servicesB.sync.connect(url, (await central.centralSync.addDevice({ name: 'B', propertyId: property.id })).credential)
      await servicesB.sync.syncOnce()
      assert.ok(pulls > 3)
      const db = openDatabase(dirB)
      assert.equal(db.prepare('SELECT count(*) FROM messages').pluck().get(), 60)
      db.close()
      assert.equal(servicesB.sync.status().lastError, null)
    } finally {
      await servicesB.sync.stop()
      storeB.close()
    }
  })
})
