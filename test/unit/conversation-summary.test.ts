import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { summarize, type SummarizedMessage } from '../../local-api/domain/conversation-summary.js'

const at = Date.UTC(2026, 11, 1, 9)
const text = (body: string, direction: 'in' | 'out' = 'in', createdAt = at): SummarizedMessage => ({
  direction,
  createdAt,
  content: { type: 'text', text: body },
})

describe('a conversation summary', () => {
  it('takes its preview from the latest message', () => {
    assert.equal(summarize([text('first', 'in', at - 1), text('second', 'out', at)])!.preview, 'second')
    assert.equal(summarize([text('second', 'out', at), text('first', 'in', at - 1)])!.preview, 'second')
  })

  it('is the same whatever order messages of one millisecond arrive in (as on two desks)', () => {
    const same = [text('message 2'), text('message 4'), text('message 4', 'out'), text('é'), text('😀')]
    const expected = summarize(same)
    for (let shift = 1; shift < same.length; shift++) {
      const rotated = [...same.slice(shift), ...same.slice(0, shift)]
      assert.deepEqual(summarize(rotated), expected)
      assert.deepEqual(summarize([...rotated].reverse()), expected)
    }
    assert.equal(expected!.preview, '😀')
  })

  it('names who wrote the latest message: a staff member, the AI agent, or nobody (a guest, a local system)', () => {
    const byAnna = { ...text('We have a room', 'out', at), senderAgentId: 'agt_anna' }
    const byAi = { ...text('Breakfast is at 7', 'out', at + 1), author: 'bot' as const }
    const summary = summarize([text('Hi', 'in', at - 1), byAnna])!
    assert.deepEqual([summary.agentId, summary.author], ['agt_anna', null])
    assert.deepEqual([summarize([byAi, byAnna])!.agentId, summarize([byAi, byAnna])!.author], [null, 'bot'])
    assert.deepEqual([summarize([byAnna, text('Thanks', 'in', at + 2)])!.agentId, summarize([byAnna, text('Thanks', 'in', at + 2)])!.author], [null, null])
  })
})
