export interface EventuallyOptions {
  timeoutMs?: number
  intervalMs?: number
}

/**
 * Runs `assertion` until it passes (returns without throwing) and returns what it returned; after
 * `timeoutMs` it fails with the last assertion error, saying what it was waiting for. For things
 * that happen in the background: delivery, sync, backups, streams.
 */
export async function eventually<T>(
  what: string,
  assertion: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 20 }: EventuallyOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await assertion()
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
      }
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
