import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { insertMention, matchingAgents, mentionedIds, mentionQueryAt, noteSegments } from '../../renderer/features/chat/mentions.js'
import { previewAuthor } from '../../renderer/features/conversations/preview-author.js'

describe("the note composer's @mentions", () => {
  it('completes the @word just before the caret, not an email address or a finished name', () => {
    assert.deepEqual(mentionQueryAt('Ask @lu', 7), { start: 4, query: 'lu' })
    assert.deepEqual(mentionQueryAt('@', 1), { start: 0, query: '' })
    assert.equal(mentionQueryAt('mail anna@hotel.ch', 18), null)
    assert.equal(mentionQueryAt('Ask @Luca Meier now', 19), null)
    assert.deepEqual(mentionQueryAt('Ask @lu and more', 7), { start: 4, query: 'lu' }, 'the caret decides, not the end of the text')
  })

  it('puts the picked name in place of what was typed, the caret after it', () => {
    assert.deepEqual(insertMention('Ask @lu about it', { start: 4, query: 'lu' }, 'Luca Meier'), { text: 'Ask @Luca Meier about it', caret: 16 })
    assert.deepEqual(insertMention('Ask @lu', { start: 4, query: 'lu' }, 'Luca Meier'), { text: 'Ask @Luca Meier ', caret: 16 })
  })

  it('sends only the picked agents the text still names', () => {
    const picked = new Map([
      ['agt_luca', 'Luca Meier'],
      ['agt_mia', 'Mia Huber'],
    ])
    assert.deepEqual(mentionedIds('Thanks @Luca Meier', picked), ['agt_luca'])
    assert.deepEqual(mentionedIds('Thanks Luca', picked), [])
  })

  it('offers agents whose name holds the typed letters, accents aside', () => {
    const agents = [{ name: 'Zoë Schäfer' }, { name: 'Luca Meier' }]
    assert.deepEqual(matchingAgents(agents, 'schaf'), [{ name: 'Zoë Schäfer' }])
    assert.deepEqual(matchingAgents(agents, ''), agents)
  })

  it("marks each mentioned agent's @Name in the note, the longer name first", () => {
    assert.deepEqual(noteSegments('Hi @Ann and @Anna Keller!', ['Ann', 'Anna Keller']), [
      { text: 'Hi ', mention: false },
      { text: '@Ann', mention: true },
      { text: ' and ', mention: false },
      { text: '@Anna Keller', mention: true },
      { text: '!', mention: false },
    ])
    assert.deepEqual(noteSegments('No one here', []), [{ text: 'No one here', mention: false }])
  })
})

describe("the list preview's author", () => {
  it("is You for the signed-in agent, a colleague by name, AI for the AI agent, the property for a local system's reply, nobody for the guest", () => {
    const agent = (agentId: string) => ({ type: 'agent' as const, agentId, name: 'Anna Keller' })
    assert.deepEqual(previewAuthor(agent('agt_anna'), 'agt_anna'), { kind: 'you' })
    assert.deepEqual(previewAuthor(agent('agt_anna'), 'agt_luca'), { kind: 'agent', name: 'Anna Keller' })
    assert.deepEqual(previewAuthor({ type: 'bot', agentId: null, name: null }, 'agt_anna'), { kind: 'ai' })
    assert.equal(previewAuthor({ type: 'guest', agentId: null, name: null }, 'agt_anna'), null)
    assert.deepEqual(previewAuthor({ type: 'property', agentId: null, name: null }, 'agt_anna'), { kind: 'property' })
    assert.equal(previewAuthor(null, 'agt_anna'), null)
  })
})
