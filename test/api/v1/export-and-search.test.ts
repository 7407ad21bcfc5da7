import assert from 'node:assert/strict'
import { get } from 'node:http'
import { after, before, describe, it } from 'node:test'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { parse } from 'csv-parse/sync'
import type { App } from '../../../local-api/server.js'
import { defuseFormula } from '../../../local-api/services/export.js'
import { pushBatches, toIncomingMessage } from '../../fixtures/generate.js'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const GENERATED = 100_000
let t: TestApp
let token: string
let url: string
let tricky: string

before(async () => {
  t = await startTestApp()
  token = t.token(['admin'])
  const property = t.app.store.properties.first()!
  // A generated history, written through the ingest service in large batches.
  let batch: ReturnType<typeof toIncomingMessage>[] = []
  for (const body of pushBatches({ conversations: 2_000, messages: GENERATED, seed: 11, now: Date.now() - 86_400_000 })) {
    batch.push(...body.messages.map(toIncomingMessage))
    if (batch.length >= 5_000) {
      assert.ok(t.app.ingest.ingest(property, batch).ok)
      batch = []
    }
  }
  if (batch.length) assert.ok(t.app.ingest.ingest(property, batch).ok)
  // A guest who writes what a spreadsheet would run, with quotes, commas and a line break.
  const pushed = await t.app.inject({
    method: 'POST',
    url: '/v1/messages',
    headers: bearer(token),
    payload: {
      messages: [
        {
          channel: 'whatsapp',
          guest: { phone: '+41795580001' },
          direction: 'in',
          content: { type: 'text', text: '=HYPERLINK("http://evil.example","click"), and "quotes"\nnext line' },
          createdAt: new Date().toISOString(),
        },
        {
          channel: 'whatsapp',
          guest: { phone: '+41795580001' },
          direction: 'in',
          content: { type: 'text', text: 'Do you rent kayaks by the lakeside?' },
          createdAt: new Date().toISOString(),
        },
      ],
    },
  })
  tricky = pushed.json().items[0].conversationId
  // The AI agent hands that guest over, with a message of its own.
  await t.app.aiAgent.idle()
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  const address = t.app.server.address() as { port: number }
  url = `http://127.0.0.1:${address.port}`
})
after(() => t.close())

/** Streams a GET, reading slowly enough for backpressure to matter, sampling the heap (after GC) as it goes. */
function streamed(path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string; peakHeapGrowth: number }> {
  return new Promise((resolve, reject) => {
    gc()
    const baseline = process.memoryUsage().heapUsed
    let peak = 0
    let chunks = 0
    get(`${url}${path}`, { headers: bearer(token) }, (response) => {
      const parts: Buffer[] = []
      response.on('data', (chunk: Buffer) => {
        parts.push(chunk)
        if (++chunks % 200 === 0) {
          response.pause()
          gc()
          peak = Math.max(peak, process.memoryUsage().heapUsed - baseline - parts.reduce((n, p) => n + p.length, 0))
          setTimeout(() => response.resume(), 1)
        }
      })
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(parts).toString('utf8'), peakHeapGrowth: peak }),
      )
      response.on('error', reject)
    }).on('error', reject)
  })
}

describe('GET /v1/export.csv', () => {
  it('streams every message of the history, one row each, with its header and a row count, in flat memory', async () => {
    const response = await streamed('/v1/export.csv')
    assert.equal(response.status, 200)
    assert.match(String(response.headers['content-type']), /^text\/csv/)
    assert.match(String(response.headers['content-disposition']), /attachment; filename="frontdesk-export-\d{4}-\d{2}-\d{2}\.csv"/)
    // The generated history, the two messages of the guest pushed last, and the AI agent's handover words to them.
    assert.equal(Number(response.headers['x-export-rows']), GENERATED + 3)
    const rows = parse(response.body, { columns: true, bom: true }) as Record<string, string>[]
    assert.equal(rows.length, GENERATED + 3)
    assert.deepEqual(Object.keys(rows[0]!), [
      'conversation_id',
      'message_id',
      'channel',
      'guest',
      'guest_phone_or_email',
      'direction',
      'sender',
      'created_at',
      'received_at',
      'type',
      'lead',
      'reservation',
      'message_type',
      'text',
      'property_id',
      'language',
      'translation',
    ])
    // The server held a chunk at a time, not the export (which the test itself holds, and subtracts).
    assert.ok(
      response.peakHeapGrowth < 40 * 1024 * 1024,
      `heap grew ${Math.round(response.peakHeapGrowth / 1024 / 1024)} MiB while streaming ${Math.round(response.body.length / 1024 / 1024)} MiB`,
    )
  })

  it('keeps quotes, commas and line breaks intact and defuses spreadsheet formulas', async () => {
    const response = await streamed(`/v1/export.csv?channel=whatsapp`)
    const rows = parse(response.body, { columns: true, bom: true }) as Record<string, string>[]
    assert.equal(rows.length, 3)
    assert.equal(rows[0]!.text, '\'=HYPERLINK("http://evil.example","click"), and "quotes"\nnext line')
    assert.deepEqual(
      [rows[0]!.conversation_id, rows[0]!.guest, rows[0]!.guest_phone_or_email, rows[0]!.direction, rows[0]!.sender],
      [tricky, '+41795580001', '+41795580001', 'received', 'guest'],
    )
    assert.deepEqual(
      [rows[2]!.conversation_id, rows[2]!.direction, rows[2]!.sender, rows[2]!.text],
      [tricky, 'sent', 'AI agent', "I've passed this to our front desk; a colleague will reply shortly."],
    )
    for (const value of ['=1+1', '+41', '-2', '@SUM(A1)', '\tx']) assert.equal(defuseFormula(value)[0], "'")
    assert.equal(defuseFormula('Hello =1'), 'Hello =1')
  })

  it('is the history as of the moment it began: complete and counted right while pushes go on, which the next export has', async () => {
    const before = Number((await t.app.inject({ url: '/v1/export.csv?channel=web_chat', headers: bearer(token) })).headers['x-export-rows'])
    const pushedIds: string[] = []
    const body = await new Promise<{ rows: number; text: string }>((resolve, reject) => {
      get(`${url}/v1/export.csv?channel=web_chat`, { headers: bearer(token) }, (response) => {
        const parts: Buffer[] = []
        let pushing: Promise<void> | undefined
        response.on('data', (chunk: Buffer) => {
          parts.push(chunk)
          if (pushing) return
          // Mid-stream: messages to existing conversations and new ones, stored while the export goes on.
          response.pause()
          pushing = (async () => {
            for (let i = 0; i < 5; i++) {
              const pushed = await t.app.inject({
                method: 'POST',
                url: '/v1/messages',
                headers: bearer(token),
                payload: {
                  messages: [
                    {
                      channel: 'web_chat',
                      guest: { email: `late${i}@guest.example` },
                      direction: 'in',
                      content: { type: 'text', text: `late ${i}` },
                      createdAt: new Date().toISOString(),
                    },
                    {
                      channel: 'web_chat',
                      guest: { email: `late${i}@guest.example` },
                      direction: 'in',
                      content: { type: 'text', text: `later ${i}` },
                      createdAt: new Date().toISOString(),
                    },
                  ],
                },
              })
              assert.equal(pushed.statusCode, 201, pushed.body)
              pushedIds.push(...pushed.json().items.map((item: { messageId: string }) => item.messageId))
            }
            response.resume()
          })()
          pushing.catch((error: unknown) => {
            response.destroy()
            reject(error as Error)
          })
        })
        response.on('end', () => {
          void pushing!.then(() => resolve({ rows: Number(response.headers['x-export-rows']), text: Buffer.concat(parts).toString('utf8') }), reject)
        })
        response.on('error', reject)
      }).on('error', reject)
    })
    const rows = parse(body.text, { columns: true, bom: true }) as Record<string, string>[]
    assert.ok(before > 1000)
    assert.equal(body.rows, before)
    assert.equal(rows.length, before)
    assert.equal(new Set(rows.map((row) => row.message_id)).size, before)
    assert.equal(pushedIds.length, 10)
    assert.ok(rows.every((row) => !pushedIds.includes(row.message_id!)))

    // The next export has them, each new guest followed by the AI agent's handover words to them.
    await t.app.aiAgent.idle()
    const next = await streamed('/v1/export.csv?channel=web_chat')
    assert.equal(Number(next.headers['x-export-rows']), before + 15)
    const again = parse(next.body, { columns: true, bom: true }) as Record<string, string>[]
    const latest = again.slice(-15)
    assert.deepEqual(
      latest.filter((row) => row.direction === 'received').map((row) => row.message_id),
      pushedIds,
    )
    assert.deepEqual(
      latest.filter((row) => row.direction === 'sent').map((row) => [row.sender, row.text]),
      Array.from({ length: 5 }, () => ['AI agent', "I've passed this to our front desk; a colleague will reply shortly."]),
    )
  })

  it('lets a download be cut short, and the next one is whole', async () => {
    await new Promise<void>((resolve, reject) => {
      const request = get(`${url}/v1/export.csv`, { headers: bearer(token) }, (response) => {
        response.once('data', () => {
          request.destroy()
          resolve()
        })
      }).on('error', (error) => (request.destroyed ? resolve() : reject(error)))
    })
    const response = await streamed('/v1/export.csv?channel=whatsapp')
    assert.equal((parse(response.body, { columns: true, bom: true }) as unknown[]).length, Number(response.headers['x-export-rows']))
  })

  it('answers bad filters with 400 and needs a token', async () => {
    assert.equal((await t.app.inject({ url: '/v1/export.csv?channel=fax', headers: bearer(token) })).statusCode, 400)
    assert.equal((await t.app.inject({ url: '/v1/export.csv' })).statusCode, 401)
  })
})

describe('message text search', () => {
  const search = async (app: App, query: string) =>
    (await app.inject({ url: `/v1/conversations?${query}`, headers: bearer(token) })).json().items.map((c: { id: string }) => c.id)

  it('finds conversations by words in their messages, prefixes included, combined with the other filters', async () => {
    assert.deepEqual(await search(t.app, 'text=kayak'), [tricky])
    assert.deepEqual(await search(t.app, 'text=kayaks%20lakeside'), [tricky])
    assert.deepEqual(await search(t.app, 'text=kayaks&channel=whatsapp'), [tricky])
    assert.deepEqual(await search(t.app, 'text=kayaks&channel=web_chat'), [])
    assert.deepEqual(await search(t.app, 'text=kayaks%20submarine'), [])
  })

  it('stays within the newest matches for common words, quickly', async () => {
    const found = await search(t.app, 'text=room&limit=100')
    assert.ok(found.length > 50)
  })
})
