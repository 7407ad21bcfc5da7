// What the two programs behind the `frontdesk` command share (the desk's local-api/cli.ts, the
// central server's central/cli.ts): how a command ends (its exit code and what it says), the --port
// option, and serving until asked to stop.

/** A mistake in how the command was called: said with the usage, exit code 2. */
export class UsageError extends Error {}

/**
 * Runs a command and returns the process's exit code: the command's own; 2 for a usage mistake (a
 * UsageError, or parseArgs refusing an option), said with the usage; 1 for any other failure, said
 * in one line.
 */
export async function runCommand(usage: string, command: () => Promise<number>): Promise<number> {
  try {
    return await command()
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`frontdesk: ${(error as Error).message}\n${usage}\n`)
      return 2
    }
    process.stderr.write(`frontdesk: ${(error as Error).message}\n`)
    return 1
  }
}

/**
 * Whether the arguments ask for help: `--help` or `-h` anywhere before a `--`, or `help` first. Each
 * command checks this before anything else and prints its usage on stdout with exit code 0.
 */
export function helpRequested(args: readonly string[]): boolean {
  if (args[0] === 'help') return true
  for (const arg of args) {
    if (arg === '--') return false
    if (arg === '--help' || arg === '-h') return true
  }
  return false
}

/** Prints `usage` on stdout as the answer to a request for help; returns exit code 0. */
export function printHelp(usage: string): number {
  process.stdout.write(`${usage}\n`)
  return 0
}

/** The --port option: `fallback` when not given, else a whole number from 0 (any free port) to 65535. */
export function portOption(value: string | undefined, fallback: number): number {
  const port = value === undefined ? fallback : Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0 to 65535')
  return port
}

/** A failure to listen as the command says it: a port that is taken is named, with what to do. */
export function listenFailure(error: NodeJS.ErrnoException, port: number, host: string): Error {
  return error.code === 'EADDRINUSE' ? new Error(`port ${port} on ${host} is taken; choose another with --port`) : error
}

/**
 * Resolves on the first SIGINT or SIGTERM. Call it before announcing readiness: whoever reads the
 * line may stop the process at once.
 */
export function stopRequested(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
