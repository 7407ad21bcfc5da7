import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabaseFile } from '../../../local-api/db/open.js'
import { tempDir } from '../../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

describe('0030 sources and service records', () => {
  const db = openDatabaseFile(join(dir, 'sources.sqlite'))
  after(() => db.close())
  db.exec(`
    INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_1', 'H', 'CH', 'UTC', 0);
    INSERT INTO channel_accounts (id, property_id, channel, code, name, created_at) VALUES ('chn_1', 'prop_1', 'web_chat', 'jp-web', 'Japan website', 0);
    INSERT INTO guest_identities (kind, value, created_at) VALUES ('onsite_contact', 'oc_1', 0), ('onsite_contact', 'oc_2', 0);`)

  it('keeps one onsite contact per serial number and account', () => {
    db.exec("INSERT INTO onsite_contacts (id, channel_account_id, sn, identity_rowid, created_at) VALUES ('oc_1', 'chn_1', 'WEB-1', 1, 0)")
    assert.throws(
      () => db.exec("INSERT INTO onsite_contacts (id, channel_account_id, sn, identity_rowid, created_at) VALUES ('oc_2', 'chn_1', 'WEB-1', 2, 0)"),
      /UNIQUE/,
    )
  })

  it('accepts identities issued by dialects, and no other kinds', () => {
    db.exec("INSERT INTO guest_identities (kind, value, created_at) VALUES ('guest_app', 'res_1:FD', 0)")
    assert.throws(() => db.exec("INSERT INTO guest_identities (kind, value, created_at) VALUES ('fax', '1', 0)"), /CHECK/)
  })

  it("keeps outlet codes unique per property and conversations' queue states to queued or manual", () => {
    db.exec("INSERT INTO outlets (id, property_id, code, name, position, created_at) VALUES ('out_1', 'prop_1', 'FD', 'Front desk', 1, 0)")
    assert.throws(
      () => db.exec("INSERT INTO outlets (id, property_id, code, name, position, created_at) VALUES ('out_2', 'prop_1', 'FD', 'Again', 2, 0)"),
      /UNIQUE/,
    )
    assert.throws(
      () =>
        db.exec(
          "INSERT INTO conversations (id, property_id, channel, created_at, last_message_at, queue_state) VALUES ('conv_1', 'prop_1', 'guest_app', 0, 0, 'lost')",
        ),
      /CHECK/,
    )
  })
})
