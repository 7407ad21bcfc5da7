import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { buildCentralServer, type CentralServer } from '../../central/server.js'
import { openSqliteCentralStore } from '../../central/store/sqlite-store.js'
import { bearer, tempDir, type TestApp } from './test-app.js'

export interface CentralForTests {
  central: CentralServer
  url: string
  /** Gives the desk a device credential for the property and connects it (PUT /v1/sync); resolves with the credential. */
  connect(desk: TestApp, name: string, propertyId: string): Promise<string>
  close(): Promise<void>
}

/** A central server on embedded SQLite in a temp dir, listening on 127.0.0.1, for desks of the test to connect to. */
export async function startCentralForTests(): Promise<CentralForTests> {
  const dir = tempDir('frontdesk-central-')
  const central = await buildCentralServer({ store: openSqliteCentralStore(dir) })
  await central.listen({ port: 0, host: '127.0.0.1' })
  const address = central.server.address()
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return {
    central,
    url,
    async connect(desk, name, propertyId) {
      const { credential } = await central.centralSync.addDevice({ name, propertyId })
      const connected = await desk.app.inject({
        method: 'PUT',
        url: '/v1/sync',
        headers: bearer(desk.token(['admin'])),
        payload: { centralUrl: url, credential },
      })
      assert.equal(connected.statusCode, 200, connected.body)
      return credential
    },
    async close() {
      await central.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
