import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const root = new URL('../../', import.meta.url)

/** The real `frontdesk` command, as `npx frontdesk` runs it: the compiled bundle in dist/cli/. */
export const FRONTDESK_BIN = fileURLToPath(new URL('bin/frontdesk.js', root))

/**
 * Throws unless the CLI bundle is built from the sources as they are now (`npm test` rebuilds it
 * first; a single test file run by hand would otherwise test yesterday's code).
 */
export function assertCliBundleFresh(): void {
  const bundle = fileURLToPath(new URL('dist/cli/frontdesk.mjs', root))
  const inputs = fileURLToPath(new URL('dist/cli/inputs.json', root))
  if (!existsSync(bundle) || !existsSync(inputs)) throw new Error('the CLI is not built: run `npm run build:cli`')
  const builtAt = statSync(bundle).mtimeMs
  const changed = (JSON.parse(readFileSync(inputs, 'utf8')) as string[]).filter((source) => {
    const path = fileURLToPath(new URL(source, root))
    return !existsSync(path) || statSync(path).mtimeMs > builtAt
  })
  if (changed.length)
    throw new Error(`the CLI bundle is older than ${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ' …' : ''}: run \`npm run build:cli\``)
}
assertCliBundleFresh()

const run = promisify(execFile)

/** `frontdesk token create …`; resolves with the printed token. */
export async function cliCreateToken(dataDir: string, scopes: string, name = 'cli test'): Promise<string> {
  const { stdout } = await run(process.execPath, [FRONTDESK_BIN, 'token', 'create', '--data-dir', dataDir, '--name', name, '--scopes', scopes])
  return stdout.trim()
}

/** Runs the command to its end; resolves with its exit code and output (never rejects on a non-zero exit). */
export async function cliRun(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [FRONTDESK_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  const [code] = (await once(child, 'exit')) as [number]
  return { code, stdout, stderr }
}

export interface ServeProcess {
  child: ChildProcess
  url: string
  /** Everything the process wrote to stderr so far (for failure messages). */
  stderr(): string
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>
}

/** Spawns `frontdesk serve --port 0` and resolves once it prints its `listening on` line. */
export function spawnServe(dataDir: string, extraArgs: string[] = [], timeoutMs = 20_000): Promise<ServeProcess> {
  return spawnListening(['serve', '--data-dir', dataDir, '--port', '0', ...extraArgs], /^listening on (http:\/\/\S+)$/m, timeoutMs)
}

/** Spawns `frontdesk central` (port 0 unless given) and resolves once it prints where it listens. */
export function spawnCentral(dataDir: string, port = 0, timeoutMs = 20_000): Promise<ServeProcess> {
  return spawnListening(['central', '--data-dir', dataDir, '--port', String(port)], /^central listening on (http:\/\/\S+) /m, timeoutMs)
}

async function spawnListening(args: string[], listeningLine: RegExp, timeoutMs: number): Promise<ServeProcess> {
  const child = spawn(process.execPath, [FRONTDESK_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk))
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = ''
    const timer = setTimeout(() => fail(new Error(`${args[0]} printed no listening line in ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs)
    const fail = (error: Error) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(error)
    }
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk
      const match = listeningLine.exec(stdout)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    const onEarlyExit = (code: number | null) => fail(new Error(`${args[0]} exited with ${code} before listening; stderr: ${stderr}`))
    child.once('exit', onEarlyExit)
    child.stdout!.once('close', () => child.off('exit', onEarlyExit))
  }).finally(() => child.removeAllListeners('exit'))
  return {
    child,
    url,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return child.exitCode
      child.kill('SIGTERM')
      const [code] = (await once(child, 'exit')) as [number | null]
      return code
    },
  }
}
