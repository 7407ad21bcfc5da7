// The desktop shell: one instance, the local API on 127.0.0.1, one secure window on it.
// Kept thin on purpose; its decisions live in window.ts.
import { app, BrowserWindow, shell } from 'electron'
import { join } from 'node:path'
import { startServer, type RunningServer } from '../local-api/start-server.js'
import { isAppUrl, isExternalLinkAllowed, secureWebPreferences } from './window.js'

let server: RunningServer | undefined
let window: BrowserWindow | undefined

function openWindow(url: string): BrowserWindow {
  const win = new BrowserWindow({ width: 1280, height: 820, show: false, webPreferences: secureWebPreferences() })
  win.webContents.setWindowOpenHandler(({ url: target }) => {
    if (isExternalLinkAllowed(target)) void shell.openExternal(target)
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (event, target) => {
    if (!isAppUrl(target, url)) event.preventDefault()
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(url)
  return win
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })
  app.whenReady().then(async () => {
    server = await startServer({ dataDir: join(app.getPath('userData'), 'data') })
    window = openWindow(`${server.url}/docs`)
  })
  app.on('window-all-closed', () => app.quit())
  app.on('before-quit', () => {
    void server?.close()
  })
}
