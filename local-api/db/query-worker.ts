import { Worker } from 'node:worker_threads'
import { driverPath } from './integrity.js'
import { PAGE_CACHE_KIB } from './open.js'

/**
 * The worker's code: evaluated, so it needs no file of its own next to a bundled build. A
 * read-only connection of its own (WAL: it reads what is committed, the writer goes on), each
 * statement prepared once.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { readonly: true, fileMustExist: true })
db.pragma('busy_timeout = 5000')
db.pragma('cache_size = -' + workerData.cacheKib)
const statements = new Map()
parentPort.on('message', ({ id, sql, params }) => {
  try {
    let statement = statements.get(sql)
    if (!statement) statements.set(sql, (statement = db.prepare(sql)))
    parentPort.postMessage({ id, rows: statement.all(params) })
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) })
  }
})
`

export interface QueryWorker {
  /**
   * The rows of a read-only statement, read on the worker's connection; undefined where the worker
   * cannot run or stopped (the caller then reads on its own connection).
   */
  all<Row>(sql: string, params: Record<string, unknown>): Promise<Row[] | undefined>
  close(): void
}

/**
 * One worker thread for the store's heavier queries (a message full-text search, say), started at
 * its first use: the event loop, and so every push, goes on while SQLite searches.
 */
export function createQueryWorker(file: string): QueryWorker {
  let worker: Worker | undefined
  let unavailable = false
  let nextId = 0
  let answered = false
  const waiting = new Map<number, { resolve(rows: unknown[] | undefined): void; reject(error: Error): void }>()

  function started(): Worker | undefined {
    if (worker || unavailable) return worker
    const driver = driverPath()
    if (!driver) {
      unavailable = true
      return undefined
    }
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, cacheKib: PAGE_CACHE_KIB } })
    } catch {
      unavailable = true
      return undefined
    }
    worker.unref()
    const current = worker
    current.on('message', (reply: { id: number; rows?: unknown[]; error?: string }) => {
      answered = true
      const waiter = waiting.get(reply.id)
      waiting.delete(reply.id)
      if (waiting.size === 0) current.unref()
      if (reply.error !== undefined) waiter?.reject(new Error(reply.error))
      else waiter?.resolve(reply.rows!)
    })
    // A thread that dies (or cannot load the driver here) fails what it had; the next query starts another.
    const ended = () => {
      if (worker === current) worker = undefined
      for (const waiter of waiting.values()) waiter.resolve(undefined)
      waiting.clear()
    }
    current.once('error', () => {
      // It never answered: this runtime cannot run it, so queries are read on the caller's connection.
      if (!answered) unavailable = true
      ended()
    })
    current.once('exit', ended)
    return worker
  }

  return {
    async all<Row>(sql: string, params: Record<string, unknown>) {
      const thread = started()
      if (!thread) return undefined
      const id = nextId++
      return new Promise<Row[] | undefined>((resolve, reject) => {
        // Referenced while a query is under way (the process waits for it), not while idle.
        if (waiting.size === 0) thread.ref()
        waiting.set(id, { resolve: resolve as (rows: unknown[] | undefined) => void, reject })
        thread.postMessage({ id, sql, params })
      })
    },
    close() {
      unavailable = true
      void worker?.terminate()
      worker = undefined
    },
  }
}
