/**
 * g. One long conversation: BENCH_LONG_MESSAGES (10,000) messages of one guest, written into the
 * list store through the ingest service, then
 *   - the server: GET /v1/conversations/:id/messages (the chat's first page, newest 50) timed over
 *     HTTP, sequentially, and each older page as the chat pages back through the whole history;
 *   - the UI in Chromium (bench/long-conversation-ui.ts, its own process): navigation → the newest
 *     messages painted, and frame times while the chat is scrolled up to its first message.
 * Each of the three is its own part: one failing is reported and the others still run.
 */
import { execFile } from 'node:child_process'
import http from 'node:http'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { promisify } from 'node:util'
import { openStore } from '../local-api/db/store.js'
import { createApiToken } from '../local-api/services/api-tokens.js'
import type { IncomingMessage } from '../local-api/services/ingest.js'
import { createServices } from '../local-api/services/index.js'
import { startServer } from '../local-api/start-server.js'
import { generateConversations, toIncomingMessage } from '../test/fixtures/generate.js'
import type { LongConversationUiResult } from './long-conversation-ui.js'
import { fmt, log, percentile, seconds, type Report, type Row } from './common.js'

export interface LongConversationOptions {
  messages: number
  /** Timed requests for the first page. */
  requests: number
  uiLoads: number
  seed: number
  now: number
}

/** The chat's page size (renderer/features/chat/api/messages.ts). */
const PAGE = 50
const MINUTE = 60_000

/**
 * Writes the conversation through the ingest service, 100 messages a transaction, its last message
 * a minute ago (so it tops the inbox). The texts are the generator's; the times are spread so that
 * the history runs back over months, a new session every few dozen messages.
 */
export function addLongConversation(dataDir: string, options: LongConversationOptions): { conversationId: string; ms: number } {
  const store = openStore(dataDir)
  try {
    const property = store.properties.first()
    if (!property) throw new Error('the store has no property')
    const { ingest } = createServices(store)
    const [generated] = generateConversations({
      conversations: 1,
      messages: options.messages,
      seed: options.seed + 7,
      now: options.now,
      externalIdPrefix: 'long',
    })
    const identity: IncomingMessage['identity'] = { kind: 'email', value: 'long.conversation@bench.example' }
    const count = generated!.messages.length
    let at = options.now - MINUTE
    const times = new Array<number>(count)
    for (let j = count - 1; j >= 0; j--) {
      times[j] = at
      at -= j % 40 === 0 ? 26 * 60 * MINUTE : (1 + (j % 7)) * MINUTE
    }
    const started = performance.now()
    let conversationId = ''
    for (let start = 0; start < count; start += 100) {
      const batch = generated!.messages.slice(start, start + 100).map((message, i) => ({
        ...toIncomingMessage(message),
        channel: 'web_chat' as const,
        identity,
        createdAt: times[start + i]!,
      }))
      const outcome = ingest.ingest(property, batch)
      if (!outcome.ok) throw new Error(`ingest refused the long conversation: ${JSON.stringify(outcome.problems.slice(0, 3))}`)
      conversationId = outcome.value[0]!.conversationId
    }
    const ms = performance.now() - started
    if (store.messages.count(conversationId) !== options.messages)
      throw new Error(`the long conversation holds ${store.messages.count(conversationId)} messages`)
    return { conversationId, ms }
  } finally {
    store.close()
  }
}

function get(agent: http.Agent, base: URL, path: string, token: string) {
  return new Promise<{ status: number; body: string; ms: number }>((resolve, reject) => {
    const started = performance.now()
    const request = http.request({ host: base.hostname, port: base.port, path, agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString(), ms: performance.now() - started }))
      response.on('error', reject)
    })
    request.on('error', reject)
    request.end()
  })
}

/** The first page, `requests` times (after a warm-up), and every older page once, walking back to the first message. */
export async function pageLatency(dataDir: string, conversationId: string, requests: number) {
  const store = openStore(dataDir)
  const token = (() => {
    try {
      return createApiToken(store, { name: 'bench long conversation', scopes: ['guest.conversation.read'] }).token
    } finally {
      store.close()
    }
  })()
  const server = await startServer({ dataDir, port: 0, host: '127.0.0.1', rateLimitPerMinute: 1e9, logger: false })
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  try {
    const base = new URL(server.url)
    const path = (before: string | null) =>
      `/v1/conversations/${encodeURIComponent(conversationId)}/messages?limit=${PAGE}${before ? `&before=${encodeURIComponent(before)}` : ''}`
    const page = async (before: string | null) => {
      const response = await get(agent, base, path(before), token)
      if (response.status !== 200) throw new Error(`GET messages answered ${response.status}: ${response.body.slice(0, 300)}`)
      return { ms: response.ms, page: JSON.parse(response.body) as { items: { id: string }[]; nextCursor: string | null } }
    }
    for (let i = 0; i < 10; i++) await page(null)
    const first: number[] = []
    for (let i = 0; i < requests; i++) first.push((await page(null)).ms)
    const older: number[] = []
    const newest = (await page(null)).page
    const seen = new Set(newest.items.map((item) => item.id))
    let cursor = newest.nextCursor
    while (cursor) {
      const next = await page(cursor)
      older.push(next.ms)
      for (const item of next.page.items) seen.add(item.id)
      cursor = next.page.nextCursor
    }
    return { first, older, messagesSeen: seen.size }
  } finally {
    agent.destroy()
    await server.close()
  }
}

async function runUi(dataDir: string, conversationId: string, loads: number): Promise<LongConversationUiResult | { skipped: string }> {
  const script = fileURLToPath(new URL('./long-conversation-ui.ts', import.meta.url))
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, dataDir, conversationId, String(loads)], {
    maxBuffer: 64 * 1024 * 1024,
  })
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as LongConversationUiResult | { skipped: string }
}

const ok = (good: boolean) => (good ? 'ok' : 'MISSED')
const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b)

export function uiRows(ui: LongConversationUiResult | { skipped: string }, messages: number): Row[] {
  if ('skipped' in ui) return [['long conversation UI in Chromium', `skipped: ${ui.skipped}`, '', '']]
  const loads = sorted(ui.loads)
  const frames = sorted(ui.frames)
  const worst = frames.at(-1) ?? NaN
  return [
    [
      `UI: navigation → ${fmt(messages)}-message chat painted (${ui.loads.length} loads)`,
      `p50 ${fmt(percentile(loads, 50))} / max ${fmt(loads.at(-1)!)} ms`,
      '≤ 300 ms',
      ok(loads.at(-1)! <= 300),
    ],
    [
      `UI: frames scrolling up ${fmt(messages)} messages (${fmt(ui.frames.length)} frames, ${seconds(ui.scrollMs)})`,
      `p50 ${fmt(percentile(frames, 50), 1)} / p99 ${fmt(percentile(frames, 99), 1)} / max ${fmt(worst, 1)} ms`,
      'max ≤ 50 ms',
      ok(worst <= 50 && ui.reachedBeginning),
    ],
    [
      'UI: long chat — first message reached / most bubbles in the page / frames over 50 ms / long tasks',
      `${ui.reachedBeginning ? 'yes' : 'NO'} / ${fmt(ui.mostBubbles)} / ${frames.filter((f) => f > 50).length} / ${ui.longTasks}`,
      '',
      '',
    ],
  ]
}

/** Part g: builds the conversation into the list store, then measures the server and the UI on it. */
export async function longConversationBench(dataDir: string, options: LongConversationOptions, report: Report): Promise<void> {
  log(`\ng. a conversation of ${fmt(options.messages)} messages in the list store …`)
  const added = await report.part('long conversation build', () => addLongConversation(dataDir, options))
  if (!added) return
  log(`   written through the ingest service in ${seconds(added.ms)}; timing its pages …`)
  const latency = await report.part('long conversation pages', () => pageLatency(dataDir, added.conversationId, options.requests))
  if (latency) {
    const first = sorted(latency.first)
    const older = sorted(latency.older)
    const p95 = percentile(first, 95)
    report.add(
      [
        `server: first page of a ${fmt(options.messages)}-message chat (${fmt(first.length)} requests)`,
        `p50 ${fmt(percentile(first, 50), 2)} / p95 ${fmt(p95, 2)} ms`,
        'p95 ≤ 100 ms',
        ok(p95 <= 100),
      ],
      [
        `server: older pages back to the first message (${fmt(older.length)} pages, ${fmt(latency.messagesSeen)} messages)`,
        `p50 ${fmt(percentile(older, 50), 2)} / p95 ${fmt(percentile(older, 95), 2)} ms`,
        'p95 ≤ 100 ms',
        ok(percentile(older, 95) <= 100 && latency.messagesSeen === options.messages),
      ],
    )
  }
  log('   the chat in Chromium: navigation → painted, then scrolling up to the first message …')
  const ui = await report.part('long conversation UI in Chromium', () => runUi(dataDir, added.conversationId, options.uiLoads))
  if (ui) report.add(...uiRows(ui, options.messages))
}
