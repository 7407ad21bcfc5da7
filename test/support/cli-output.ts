import assert from 'node:assert/strict'

/** What a `frontdesk …` command run in this process (e.g. `syncMain([...])`) prints on stdout; it must exit 0. */
export async function cliOutput(run: () => Promise<number>): Promise<string> {
  let out = ''
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string) => {
    out += chunk
    return true
  }) as typeof process.stdout.write
  try {
    assert.equal(await run(), 0)
  } finally {
    process.stdout.write = write
  }
  return out
}
