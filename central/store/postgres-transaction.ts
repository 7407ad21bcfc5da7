import type { ClientBase } from 'pg'

/** Runs `work` between BEGIN and COMMIT on this client; on failure rolls back and rethrows. */
export async function inTransaction<T>(client: ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN')
  try {
    const result = await work()
    await client.query('COMMIT')
    return result
  } catch (error) {
    // A rollback that fails too (the connection is gone) ends the transaction all the same; the first error is the one to report.
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
}
