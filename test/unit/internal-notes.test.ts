import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { mentionNotificationText, mentionProblems, mentionRecipients } from '../../local-api/domain/internal-notes.js'
import { seesInternalNotes } from '../../local-api/domain/scopes.js'

const agents = new Map([
  ['agt_anna', { id: 'agt_anna', active: true }],
  ['agt_luca', { id: 'agt_luca', active: true }],
  ['agt_rolf', { id: 'agt_rolf', active: false }],
])
const agentOf = (id: string) => agents.get(id)

describe('mentions in an internal note', () => {
  it('may name active agents of the desk only, each problem once', () => {
    assert.deepEqual(mentionProblems(['agt_anna', 'agt_luca'], agentOf), [])
    assert.deepEqual(mentionProblems([], agentOf), [])
    assert.deepEqual(mentionProblems(['agt_ghost', 'agt_ghost', 'agt_rolf'], agentOf), [
      { field: 'mentions', message: 'agt_ghost is no agent of this desk' },
      { field: 'mentions', message: 'agt_rolf is a deactivated agent' },
    ])
  })

  it('notifies each mentioned agent once, never the author', () => {
    assert.deepEqual(mentionRecipients(['agt_luca', 'agt_anna', 'agt_luca'], 'agt_anna'), ['agt_luca'])
    assert.deepEqual(mentionRecipients(['agt_anna'], 'agt_anna'), [])
  })

  it("tells who wrote, about which guest, and the note's first words on one line", () => {
    assert.equal(
      mentionNotificationText('Anna Keller', 'Maria Rossi', 'Please call\nher back'),
      'Anna Keller mentioned you in a note on the conversation with Maria Rossi: “Please call her back”',
    )
    const long = mentionNotificationText('Anna', '+41791234567', 'x'.repeat(300))
    assert.ok(long.endsWith('…”'))
    assert.ok(long.length < 220)
  })
})

describe('who reads internal notes', () => {
  it('is signed-in staff, never an API token', () => {
    assert.equal(seesInternalNotes({ agent: { id: 'agt_anna' } }), true)
    assert.equal(seesInternalNotes({ agent: null }), false)
  })
})
