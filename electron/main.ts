// The desktop shell: one instance; the local API in its own process; one secure window on it;
// tray, badge, notifications, menu, settings, updates. Thin on purpose: its decisions live in
// the plain modules beside it (window, trusted-url, permissions, ipc, notifications, menu, settings, updates).
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  screen,
  session,
  shell,
  Tray,
  utilityProcess,
  type IpcMainInvokeEvent,
  type UtilityProcess,
  type WebContents,
} from 'electron'
import electronUpdater from 'electron-updater'
import { join } from 'node:path'
import type { DeskFeedItem, ServerProcessMessage } from './desk-feed-types.js'
import { IPC, isAgentId, isPortNumber, isTrustedSender, type DesktopInfo, type IpcResult } from './ipc.js'
import { conversationToOpen, launchPath, PROTOCOL } from './launch-args.js'
import { applicationMenu } from './menu.js'
import { osNotificationFor, unreadBadge } from './notifications.js'
import { loadSettings, saveSettings, visibleBounds, type DesktopSettings } from './settings.js'
import { isDeviceAccessAllowed, isPermissionAllowed } from './permissions.js'
import { appAddress, isAppPath, routeNavigation, routeNewWindow, type NavigationAttempt } from './trusted-url.js'
import { updateFeed } from './updates.js'
import { startingPageUrl } from './starting-page.js'
import { mainWindowOptions } from './window.js'

const appRoot = app.getAppPath()
const asset = (name: string) => join(appRoot, 'electron', 'assets', name)
const settingsFile = () => join(app.getPath('userData'), 'settings.json')
const dataDir = () => join(app.getPath('userData'), 'data')

let settings: DesktopSettings
let serverProcess: UtilityProcess | undefined
let api: { url: string; portProblem: string | null } | undefined
let window: BrowserWindow | undefined
let tray: Tray | undefined
let signedInAgentId: string | null = null
let quitting = false
let launchArgs: readonly string[] = process.argv

/** Starts the local API's process and waits until it listens (or says why it cannot). */
function startServerProcess(): Promise<{ url: string; portProblem: string | null }> {
  const child = utilityProcess.fork(
    join(appRoot, 'dist', 'electron', 'server-process.cjs'),
    [`--data-dir=${dataDir()}`, `--port=${settings.port}`, `--renderer-dir=${join(appRoot, 'dist', 'renderer')}`],
    { serviceName: 'Frontdesk Inbox API', stdio: 'inherit' },
  )
  serverProcess = child
  return new Promise((resolve, reject) => {
    child.on('message', (message: ServerProcessMessage) => {
      if (message.type === 'listening') resolve({ url: message.url, portProblem: message.portProblem })
      else if (message.type === 'failed') reject(new Error(message.reason))
      else if (message.type === 'feed') onDeskFeed(message.item)
    })
    child.on('exit', (code) => {
      serverProcess = undefined
      if (!quitting) {
        reject(new Error(`the local API stopped (exit code ${code})`))
        if (api) dialog.showErrorBox('Frontdesk Inbox', `The local API stopped unexpectedly (exit code ${code}). The app will close; start it again.`)
        app.quit()
      }
    })
  })
}

function stopServerProcess(): Promise<void> {
  const child = serverProcess
  if (!child) return Promise.resolve()
  return new Promise((resolve) => {
    const timeout = setTimeout(() => {
      child.kill()
      resolve()
    }, 5_000)
    child.on('exit', () => {
      clearTimeout(timeout)
      resolve()
    })
    child.postMessage({ type: 'close' })
  })
}

function openConversationFrom(url: string): string | null {
  const match = /^\/conversations\/([^/?#]+)/.exec(new URL(url).pathname)
  return match ? match[1]! : null
}

function showWindow(): void {
  if (!window) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}

function showPath(path: string): void {
  showWindow()
  if (isAppPath(path)) window?.webContents.send(IPC.navigate, path)
}

/** A launch or link asking for a conversation opens it; otherwise the window just comes forward. */
function showLaunch(argv: readonly string[]): void {
  if (!window) return
  if (conversationToOpen(argv)) showPath(launchPath(argv))
  else showWindow()
}

function onDeskFeed(item: DeskFeedItem): void {
  if (item.type === 'unread') return showUnread(item.count)
  const openUrl = window?.webContents.getURL()
  const notification = osNotificationFor(item, {
    agentId: signedInAgentId,
    windowFocused: Boolean(window?.isFocused()),
    openConversationId: openUrl ? openConversationFrom(openUrl) : null,
  })
  if (!notification || !Notification.isSupported()) return
  const shown = new Notification({ title: notification.title, body: notification.body, icon: asset('icon.png') })
  shown.on('click', () => showPath(notification.conversationId ? `/conversations/${notification.conversationId}` : '/'))
  shown.show()
}

function showUnread(count: number): void {
  const badge = unreadBadge(count, process.platform)
  app.setBadgeCount(badge.count)
  window?.setOverlayIcon(badge.overlay ? nativeImage.createFromPath(asset('tray-unread.png')) : null, badge.overlay ?? '')
  if (tray) {
    tray.setImage(nativeImage.createFromPath(asset(count > 0 ? 'tray-unread.png' : 'tray.png')))
    tray.setToolTip(badge.trayTooltip)
    if (process.platform === 'darwin') tray.setTitle(badge.trayTitle)
  }
}

function createTray(): Tray {
  const created = new Tray(nativeImage.createFromPath(asset('tray.png')))
  created.setToolTip('Frontdesk Inbox')
  created.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Inbox', click: () => showWindow() },
      { label: 'Arrivals', click: () => showPath('/arrivals') },
      { type: 'separator' },
      { label: 'Quit Frontdesk Inbox', role: 'quit' },
    ]),
  )
  created.on('click', () => showWindow())
  return created
}

/** The window, at once: the inbox's frame (starting-page.ts) until `showInbox` loads the app from the local API. */
function openWindow(): BrowserWindow {
  const bounds = visibleBounds(
    settings.window,
    screen.getAllDisplays().map((display) => display.workArea),
  )
  const win = new BrowserWindow(mainWindowOptions({ preloadPath: join(appRoot, 'dist', 'electron', 'preload.cjs'), bounds, iconPath: asset('icon.png') }))
  if (bounds?.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  const remember = () => {
    if (win.isMinimized()) return
    settings = { ...settings, window: { ...win.getNormalBounds(), maximized: win.isMaximized() } }
  }
  win.on('resize', remember)
  win.on('move', remember)
  // Closing the window keeps the desk running in the tray: local systems keep pushing to it and
  // notifications keep coming. Quit (menu, tray, Cmd+Q) stops it.
  win.on('close', (event) => {
    remember()
    saveSettings(settingsFile(), settings)
    if (quitting) return
    event.preventDefault()
    win.hide()
  })
  win.on('closed', () => {
    if (window === win) window = undefined
  })
  void win.loadURL(startingPageUrl())
  return win
}

function showInbox(win: BrowserWindow, appUrl: string, path: string): void {
  void win.loadURL(appAddress(path, appUrl))
}

/** The app's own origin, once the local API listens; until then no page is trusted with anything. */
const appOrigin = (): string | null => api?.url ?? null

/**
 * Every web contents the app makes (the window and anything a page could ever open) gets the same
 * guards: no new windows (app links load in place, web/mail/phone links go to the OS browser),
 * no navigation, redirect or frame off the app's origin, no <webview>. Decisions: trusted-url.ts.
 */
function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const route = routeNewWindow(url, appOrigin())
    if (route === 'open-in-app') void contents.loadURL(url)
    if (route === 'open-in-os') void shell.openExternal(url)
    return { action: 'deny' }
  })
  const guard = (event: { preventDefault(): void }, attempt: NavigationAttempt) => {
    const route = routeNavigation(attempt, appOrigin())
    if (route === 'allow') return
    event.preventDefault()
    if (route === 'open-in-os') void shell.openExternal(attempt.target)
  }
  // Electron asks will-frame-navigate first and, unless it was prevented, will-navigate for the main
  // frame: both decide alike, and only the one that prevents hands a link to the OS (so once).
  contents.on('will-navigate', (event) => guard(event, { target: event.url, isMainFrame: true, isRedirect: false }))
  contents.on('will-frame-navigate', (event) => guard(event, { target: event.url, isMainFrame: event.isMainFrame, isRedirect: false }))
  contents.on('will-redirect', (event) => guard(event, { target: event.url, isMainFrame: event.isMainFrame, isRedirect: true }))
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Web permissions: notifications for the app's own page, nothing else for anyone (permissions.ts). */
function guardPermissions(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, permission, grant, details) =>
    grant(isPermissionAllowed({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame }, appOrigin())),
  )
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(
      { permission, requestingUrl: requestingOrigin, isMainFrame: details.isMainFrame, embeddingOrigin: details.embeddingOrigin },
      appOrigin(),
    ),
  )
  ses.setDevicePermissionHandler(() => isDeviceAccessAllowed())
}

/** Registers a handler that runs only for the app's own page, and always answers `{ ok, … }`. */
function handle<T>(channel: string, run: (...args: unknown[]) => T | Promise<T>): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<IpcResult<T>> => {
    if (!api || !isTrustedSender(event.senderFrame, api.url)) return { ok: false, error: 'not allowed from this page' }
    try {
      return { ok: true, value: await run(...args) }
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) }
    }
  })
}

function registerIpc(): void {
  handle(IPC.getDesktopInfo, (): DesktopInfo => ({
    version: app.getVersion(),
    platform: process.platform,
    apiUrl: api!.url,
    configuredPort: settings.port,
    portProblem: api!.portProblem,
    startAtLogin: app.getLoginItemSettings().openAtLogin,
    updates: updateFeed({ settingsUrl: settings.updateUrl, env: process.env, isPackaged: app.isPackaged }) ? 'on' : 'off',
  }))
  handle(IPC.setStartAtLogin, (enabled) => {
    if (typeof enabled !== 'boolean') throw new Error('enabled must be true or false')
    app.setLoginItemSettings({ openAtLogin: enabled })
    settings = { ...settings, startAtLogin: enabled }
    saveSettings(settingsFile(), settings)
    return app.getLoginItemSettings().openAtLogin
  })
  handle(IPC.setPort, (port) => {
    if (!isPortNumber(port)) throw new Error('the port must be a whole number from 1024 to 65535')
    settings = { ...settings, port }
    saveSettings(settingsFile(), settings)
    return port
  })
  handle(IPC.agentSignedIn, (agentId) => {
    if (!isAgentId(agentId)) throw new Error('not an agent id')
    signedInAgentId = agentId
    return null
  })
}

function checkForUpdates(): void {
  const feed = updateFeed({ settingsUrl: settings.updateUrl, env: process.env, isPackaged: app.isPackaged })
  if (!feed) return
  const { autoUpdater } = electronUpdater
  autoUpdater.setFeedURL(feed)
  autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => console.error('update check failed:', error))
}

async function start(): Promise<void> {
  settings = loadSettings(settingsFile())
  guardPermissions()
  app.setAppUserModelId('ch.frontdesk.inbox')
  if (!app.isDefaultProtocolClient(PROTOCOL)) app.setAsDefaultProtocolClient(PROTOCOL)
  // The window comes first: the local API opens and checks the store meanwhile.
  window = openWindow()
  try {
    api = await startServerProcess()
  } catch (error) {
    dialog.showErrorBox('Frontdesk Inbox could not start', `The local API did not start: ${error instanceof Error ? error.message : error}`)
    quitting = true
    app.exit(1)
    return
  }
  registerIpc()
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenu(
        process.platform,
        {
          navigate: (path) => showPath(path),
          focusSearch: () => window?.webContents.send(IPC.focusSearch),
          openApiDocs: () => void shell.openExternal(`${api!.url}/docs`),
          openDataFolder: () => void shell.openPath(dataDir()),
        },
        { developerTools: !app.isPackaged },
      ),
    ),
  )
  tray = createTray()
  window ??= openWindow()
  showInbox(window, api.url, launchPath(launchArgs))
  if (api.portProblem) {
    void dialog.showMessageBox(window, { type: 'warning', title: 'Frontdesk Inbox', message: 'The usual port is taken', detail: api.portProblem })
  }
  checkForUpdates()
}

// A separate profile (its own settings, data and single-instance lock), e.g. for a second desk on
// one machine or for tests.
if (process.env.FRONTDESK_USER_DATA) app.setPath('userData', process.env.FRONTDESK_USER_DATA)

if (!app.requestSingleInstanceLock()) {
  // Another instance runs: it receives our arguments (second-instance) and shows itself.
  app.quit()
} else {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents))
  app.on('second-instance', (_event, argv) => showLaunch(argv))
  app.on('open-url', (event, url) => {
    // macOS hands links over this way, possibly before the window exists: then it opens there.
    event.preventDefault()
    if (window) showLaunch([url])
    else launchArgs = [url]
  })
  app.whenReady().then(start)
  app.on('activate', () => showWindow())
  app.on('before-quit', (event) => {
    if (quitting) return
    event.preventDefault()
    quitting = true
    tray?.destroy()
    void stopServerProcess().then(() => app.quit())
  })
}
