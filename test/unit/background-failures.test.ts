import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createBackgroundFailures } from '../../local-api/services/background-failures.js'
import { silentLogger } from '../../local-api/services/logger.js'

const HOUR = 3_600_000

describe('background failures', () => {
  it("keep each worker's latest failure with a count over the last 24 hours, newest worker first", () => {
    let now = Date.parse('2026-05-01T08:00:00Z')
    const failures = createBackgroundFailures(() => now)
    const agent = failures.reportFor('ai-agent', silentLogger())
    const delivery = failures.reportFor('delivery', silentLogger())

    agent.failed('could not answer a guest message', { error: new Error('disk I/O error'), conversationId: 'conv_1', messageId: 'msg_1' })
    now += 20 * HOUR
    agent.failed('could not answer a guest message', { error: new Error('database is locked'), conversationId: 'conv_2', messageId: 'msg_2' })
    now += HOUR
    delivery.failed('a delivery pass failed; trying again in 30 s')
    assert.deepEqual(failures.recent(), [
      { worker: 'delivery', count: 1, at: now, reason: 'a delivery pass failed; trying again in 30 s', detail: 'a delivery pass failed; trying again in 30 s' },
      {
        worker: 'ai-agent',
        count: 2,
        at: now - HOUR,
        reason: 'could not answer a guest message',
        detail: 'conversation conv_2, message msg_2: database is locked',
      },
    ])

    now += 4 * HOUR
    assert.deepEqual(
      failures.recent().map((f) => [f.worker, f.count]),
      [
        ['delivery', 1],
        ['ai-agent', 1],
      ],
      'the first failure is over 24 hours old',
    )
    now += 24 * HOUR
    assert.deepEqual(failures.recent(), [], 'nothing failed in the last 24 hours')
  })
})
