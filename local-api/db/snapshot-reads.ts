import { Worker } from 'node:worker_threads'
import { driverPath } from './integrity.js'

/** A statement and its named parameters. */
export interface Query {
  sql: string
  params: Record<string, unknown>
}

/**
 * A long read in one snapshot of the store: `count` and every chunk see the store as it was when
 * the read began, whatever is written meanwhile.
 */
export interface ChunkedRead<Row> {
  /** What the count query found (null without one). */
  count: number | null
  /** The next chunk; empty once every row was read. */
  next(): Promise<Row[]>
  /** Ends the read (early or not) and frees its connection. */
  close(): void
}

/**
 * The worker's code: evaluated, so it needs no file of its own next to a bundled build. One
 * read-only connection and one read transaction (WAL: the writer goes on) for the whole read; the
 * chunk query is keyset-paged on `@after`, the rowid of the previous chunk's last row.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
let db
let chunk
let after = 0
parentPort.on('message', (message) => {
  try {
    if (message === 'next') {
      const rows = chunk.all({ ...workerData.chunk.params, after })
      if (rows.length) after = rows[rows.length - 1].rowid
      parentPort.postMessage({ rows })
      return
    }
    // 'start'
    db = new Database(workerData.file, { readonly: true, fileMustExist: true })
    db.pragma('busy_timeout = 5000')
    chunk = db.prepare(workerData.chunk.sql)
    db.exec('BEGIN')
    const count = workerData.count ? db.prepare(workerData.count.sql).pluck().get(workerData.count.params) : null
    // The first read fixed the snapshot; without a count, so does this one.
    if (!workerData.count) db.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').get()
    parentPort.postMessage({ count })
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) })
  }
})
`

type Reply<Row> = { count: number | null } | { rows: Row[] } | { error: string }

/**
 * Runs a chunked read of `file` in a worker thread with its own read-only connection, so the
 * event loop (and the writes it serves) never waits for the read's SQL. The worker reads one
 * chunk ahead of the caller. Resolves undefined where no worker can run here (the caller then
 * reads on its own connection).
 */
export async function readInSnapshot<Row>(file: string, count: Query | null, chunk: Query): Promise<ChunkedRead<Row> | undefined> {
  const driver = driverPath()
  // A store in memory has no file another connection could open.
  if (!driver || file === '' || file === ':memory:') return undefined
  let worker: Worker
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, count, chunk } })
  } catch {
    return undefined
  }
  worker.unref()
  const waiting: { resolve(reply: Reply<Row>): void; reject(error: Error): void }[] = []
  let failure: Error | undefined
  // Whether the thread itself failed (it cannot load the driver in this runtime, say), not a query.
  let threadFailed = false
  const fail = (error: Error) => {
    failure ??= error
    for (const waiter of waiting.splice(0)) waiter.reject(failure)
  }
  worker.on('message', (reply: Reply<Row>) => {
    if ('error' in reply) fail(new Error(reply.error))
    else waiting.shift()?.resolve(reply)
  })
  worker.once('error', (error) => {
    threadFailed = failure === undefined
    fail(error)
  })
  worker.once('exit', () => fail(new Error('the read was ended')))
  const ask = (message: 'start' | 'next') =>
    new Promise<Reply<Row>>((resolve, reject) => {
      if (failure) return reject(failure)
      waiting.push({ resolve, reject })
      worker.postMessage(message)
    })

  let first: Reply<Row>
  try {
    first = await ask('start')
  } catch (error) {
    void worker.terminate()
    if (threadFailed) return undefined
    throw error
  }
  let ahead = ask('next')
  let done = false
  const close = () => {
    if (done) return
    done = true
    ahead.catch(() => {})
    // Ending the thread ends its connection and so its read transaction.
    void worker.terminate()
  }
  return {
    count: 'count' in first ? first.count : null,
    async next() {
      if (done) return []
      const reply = await ahead
      const rows = 'rows' in reply ? reply.rows : []
      if (rows.length) ahead = ask('next')
      else close()
      return rows
    },
    close,
  }
}
