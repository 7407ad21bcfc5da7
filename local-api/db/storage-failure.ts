/** The ways SQLite's storage fails (better-sqlite3's `SqliteError.code`), as the desk tells them apart. */
export type StorageFailure = 'disk-full' | 'read-only' | 'unavailable' | 'busy' | 'damaged'

/** The failure an error stands for, when it is one of SQLite's storage errors. */
export function storageFailureOf(error: unknown): StorageFailure | undefined {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined
  const primary = code.replace(/^SQLITE_([A-Z]+).*$/, '$1')
  switch (primary) {
    case 'FULL':
      return 'disk-full'
    case 'READONLY':
      return 'read-only'
    case 'IOERR':
    case 'CANTOPEN':
      return 'unavailable'
    case 'BUSY':
    case 'LOCKED':
      return 'busy'
    case 'CORRUPT':
    case 'NOTADB':
      return 'damaged'
    default:
      return undefined
  }
}
