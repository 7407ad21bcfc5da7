import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

/** The real `frontdesk` command, as `npx frontdesk` runs it. */
export const FRONTDESK_BIN = fileURLToPath(new URL('../../bin/frontdesk.js', import.meta.url))

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
