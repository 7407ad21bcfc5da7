import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hasPrefix, newId } from '../../local-api/domain/ids.js'

describe('ids', () => {
  it('are prefixed, unique and sort in the order they were made', () => {
    const ids = Array.from({ length: 10_000 }, () => newId('msg'))
    assert.ok(ids.every((id) => /^msg_[0-9A-HJKMNP-TV-Z]{26}$/.test(id)))
    assert.equal(new Set(ids).size, ids.length)
    assert.deepEqual([...ids].sort(), ids)
  })

  it('tell their kind by prefix', () => {
    assert.ok(hasPrefix(newId('conv'), 'conv'))
    assert.ok(!hasPrefix(newId('conv'), 'msg'))
    assert.ok(!hasPrefix('conv_', 'conv'))
  })
})
