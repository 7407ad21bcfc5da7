import assert from 'node:assert/strict'
import { createApiToken } from '../../local-api/services/api-tokens.js'
import Database from 'better-sqlite3'
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { after, describe, it } from 'node:test'
import { BACKUP_DIR, backupFileName, backupIntoDataDir, listBackups } from '../../local-api/db/backup.js'
import { openDatabase } from '../../local-api/db/open.js'
import { buildServer } from '../../local-api/server.js'
import { eventually } from '../support/eventually.js'
import { tempDir } from '../support/test-app.js'

const DAY = 24 * 3_600_000
describe('backups', () => {
  const dirs: string[] = []
  const fresh = () => {
    const dir = tempDir('frontdesk-backups-')
    dirs.push(dir)
    return dir
  }
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('are named by their UTC minute, and rotation keeps the newest 7', async () => {
    const dataDir = fresh()
    const db = openDatabase(dataDir)
    db.prepare("INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_1', 'Backed up', 'CH', 'UTC', 0)").run()
    const start = Date.UTC(2026, 0, 1, 3, 4)
    assert.equal(backupFileName(start), 'frontdesk-2026-01-01T0304.sqlite')
    for (let day = 0; day < 9; day++) await backupIntoDataDir(db, dataDir, start + day * DAY)
    db.close()
    const kept = listBackups(dataDir)
    assert.equal(kept.length, 7)
    assert.deepEqual(
      kept.map((b) => basename(b.file)),
      Array.from({ length: 7 }, (_, i) => backupFileName(start + (8 - i) * DAY)),
    )
    assert.deepEqual(readdirSync(join(dataDir, BACKUP_DIR)).sort(), kept.map((b) => basename(b.file)).sort(), 'no partial files left behind')
    const copy = new Database(kept[0]!.file, { readonly: true })
    assert.equal(copy.prepare('SELECT name FROM properties').pluck().get(), 'Backed up')
    assert.equal(copy.pragma('quick_check', { simple: true }), 'ok')
    copy.close()
  })

  it('the server makes one at start when the newest is older than a day, and not when it is fresh', async () => {
    const dataDir = fresh()
    const app = await buildServer({ dataDir, backups: {} })
    await app.ready()
    await eventually('the start-up backup', () => assert.equal(listBackups(dataDir).length, 1))
    const first = listBackups(dataDir)[0]!
    await eventually('the backup to be recorded', () => assert.notEqual(app.storageHealth.lastBackup(), undefined))
    assert.equal(app.storageHealth.lastBackup()!.file, first.file)
    await app.close()

    const modified = statSync(first.file).mtimeMs
    const again = await buildServer({ dataDir, backups: {} })
    await again.ready()
    await new Promise((resolve) => setTimeout(resolve, 300))
    await again.close()
    assert.equal(listBackups(dataDir).length, 1)
    assert.equal(statSync(first.file).mtimeMs, modified, 'a fresh backup is not redone at start')
  })

  it('a failing backup makes /v1/health degraded, saying why', async () => {
    const dataDir = fresh()
    // The backups folder cannot be made: a file holds its name.
    const app = await buildServer({ dataDir, backups: {} })
    writeFileSync(join(dataDir, BACKUP_DIR), 'not a folder')
    await app.ready()
    await eventually('the backup to fail', () => assert.ok(app.storageHealth.reasons().some((r) => r.code === 'backup-failed')))
    const token = createApiToken(app.store, { name: 'monitor', scopes: ['guest.conversation.read'] }).token
    const health = (await app.inject({ url: '/v1/health', headers: { authorization: `Bearer ${token}` } })).json()
    assert.equal(health.status, 'degraded')
    assert.match(
      health.reasons.find((r: { code: string }) => r.code === 'backup-failed').detail,
      new RegExp(`the last backup failed: cannot create the backup folder ${join(dataDir, BACKUP_DIR)}`),
    )
    await app.close()
  })
})
