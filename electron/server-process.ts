// The local API's own process. The desktop shell starts it with Electron's utilityProcess, so
// SQLite never runs on the window's main thread; under plain Node (tests) it talks over
// child_process IPC instead. Arguments: --data-dir=… --port=… [--renderer-dir=…].
import type { ServerProcessMessage, ShellMessage } from './desk-feed-types.js'
import { deskFeed, startDeskServer } from './local-server.js'

interface ParentPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): void
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort

function send(message: ServerProcessMessage): void {
  if (parentPort) parentPort.postMessage(message)
  else process.send?.(message)
}

function onShellMessage(listener: (message: ShellMessage) => void): void {
  if (parentPort) parentPort.on('message', (event) => listener(event.data as ShellMessage))
  else process.on('message', (message) => listener(message as ShellMessage))
}

const argument = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3)

async function main(): Promise<void> {
  const dataDir = argument('data-dir')
  const port = Number(argument('port'))
  if (!dataDir || !Number.isInteger(port)) throw new Error('usage: server-process --data-dir=DIR --port=N [--renderer-dir=DIR]')
  const rendererDir = argument('renderer-dir')
  const desk = await startDeskServer({ dataDir, port, ...(rendererDir ? { rendererDir } : {}) })
  const stopFeed = deskFeed(desk.server, (item) => send({ type: 'feed', item }))
  let closing = false
  onShellMessage(async (message) => {
    if (message?.type !== 'close' || closing) return
    closing = true
    stopFeed()
    await desk.server.close() // closes the database too
    send({ type: 'closed' })
    process.exit(0)
  })
  send({ type: 'listening', url: desk.server.url, portProblem: desk.portProblem })
}

main().catch((error: unknown) => {
  send({ type: 'failed', reason: error instanceof Error ? error.message : String(error) })
  setTimeout(() => process.exit(1), 100)
})
