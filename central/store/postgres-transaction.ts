import type { ClientBase } from 'pg'

/**
 * Runs `work` between BEGIN and COMMIT on this client; on failure rolls back and rethrows the
 * failure (the one to report). A ROLLBACK that fails too means the connection itself is broken:
 * `onBrokenConnection` hears of it so a pooled connection is dropped (`release(error)`) rather
 * than handed out again mid-transaction.
 */
export async function inTransaction<T>(client: ClientBase, work: () => Promise<T>, onBrokenConnection?: (error: Error) => void): Promise<T> {
  await client.query('BEGIN')
  try {
    const result = await work()
    await client.query('COMMIT')
    return result
  } catch (error) {
    try {
      await client.query('ROLLBACK')
    } catch (rollbackError) {
      onBrokenConnection?.(rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError)))
    }
    throw error
  }
}
