import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { after, describe, it } from 'node:test'
import { openStore, type Store } from '../../local-api/db/store.js'
import { decodeHlc, encodeHlc } from '../../sync-core/hlc.js'
import { tempDir } from '../support/test-app.js'

const T = Date.parse('2026-11-29T08:00:00Z')
const HOUR = 3_600_000

// The desk's sync clock is the store's, made when the store opens: two stores in one process (two
// desks of a test, a server and a CLI) each keep their own, following their own physical clock.
describe('the desk clock', () => {
  const dirs = [tempDir(), tempDir()]
  const stores: Store[] = []
  after(() => {
    for (const store of stores) store.close()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })
  const open = (dir: string, now: () => number) => {
    const store = openStore(dir, { now })
    stores.push(store)
    return store
  }
  /** Logs a local change and returns the timestamp the change log gave it. */
  const change = (store: Store, guestId: string) => {
    store.transaction(() => store.changeLog.append('guest', guestId, 'update', { firstName: 'Eva' }, T))
    return store.sync.localChangesAfter(0, 1000).at(-1)!.hlc
  }

  it('is one per store: each stamps by its own physical clock, and what one receives moves only it', () => {
    const a = open(dirs[0]!, () => T)
    const b = open(dirs[1]!, () => T + HOUR)
    assert.equal(decodeHlc(change(a, 'gst_1')).wallMs, T)
    assert.equal(decodeHlc(change(b, 'gst_1')).wallMs, T + HOUR)
    assert.equal(decodeHlc(change(a, 'gst_1')).node, a.changeLog.clientId)

    a.hlc.receive(encodeHlc({ wallMs: T + 2 * HOUR, counter: 5, node: 'central' }))
    assert.deepEqual(decodeHlc(change(a, 'gst_2')), { wallMs: T + 2 * HOUR, counter: 7, node: a.changeLog.clientId }, 'after what it received')
    const nextOfB = decodeHlc(change(b, 'gst_2'))
    assert.deepEqual([nextOfB.wallMs, nextOfB.counter], [T + HOUR, 1], "the other store's clock did not move")
  })

  it('starts, when the store opens again, past every change it logged, even with its physical clock behind', () => {
    const last = stores[0]!.sync.localChangesAfter(0, 1000).at(-1)!.hlc
    stores.shift()!.close()
    const reopened = open(dirs[0]!, () => T - 24 * HOUR)
    assert.ok(change(reopened, 'gst_3') > last)
  })
})
