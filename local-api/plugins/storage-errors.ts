import type { ErrorAnswer } from '../../sync-core/http/problem-errors.js'
import { storageFailureOf, type StorageFailure } from '../db/storage-failure.js'

/**
 * SQLite's storage failures (better-sqlite3's `SqliteError.code`) as HTTP answers: the disk is full
 * (507), the store cannot be written or read right now (503), or it is damaged (503). Each says what
 * happened and that nothing was stored; `Retry-After` tells a client when to try again.
 */

export interface StorageProblem {
  kind: StorageFailure
  status: 507 | 503
  title: string
  detail: string
  retryAfterSeconds: number
}

/** The answer for a storage failure; `file` is the store's path, named in the detail when known. */
export function storageProblem(error: unknown, file?: string): StorageProblem | undefined {
  const kind = storageFailureOf(error)
  if (!kind) return undefined
  const store = file ? `the store ${file}` : 'the store'
  switch (kind) {
    case 'disk-full':
      return {
        kind,
        status: 507,
        title: 'Insufficient Storage',
        retryAfterSeconds: 300,
        detail: `the disk holding ${store} is full; nothing was stored. Free some space on it and try again`,
      }
    case 'read-only':
      return {
        kind,
        status: 503,
        title: 'Service Unavailable',
        retryAfterSeconds: 300,
        detail: `${store} is read-only (its file or disk cannot be written); nothing was stored. Make it writable and restart Frontdesk Inbox`,
      }
    case 'unavailable':
      return {
        kind,
        status: 503,
        title: 'Service Unavailable',
        retryAfterSeconds: 60,
        detail: `${store} cannot be read or written right now (a disk or file system error); nothing was stored. Check the disk and try again`,
      }
    case 'busy':
      return {
        kind,
        status: 503,
        title: 'Service Unavailable',
        retryAfterSeconds: 5,
        detail: `${store} is locked by another program for longer than the wait allows; nothing was stored. Try again shortly`,
      }
    case 'damaged':
      return {
        kind,
        status: 503,
        title: 'Service Unavailable',
        retryAfterSeconds: 3600,
        detail: `${store} is damaged; nothing was stored. Restore it from the latest backup (frontdesk restore)`,
      }
  }
}

/**
 * The desk's storage failures in its error answers (problem details and every dialect): a full disk,
 * read-only or damaged storage said as such (507/503), with Retry-After set by the storage guard.
 */
export const storageFailureAnswer: ErrorAnswer = (error, request) => {
  const storage = storageProblem(error, request.server.storageHealth?.file)
  if (!storage) return undefined
  request.log.error({ err: error }, 'storage failure')
  return { status: storage.status, title: storage.title, detail: storage.detail }
}
