import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import type { MenuItemConstructorOptions } from 'electron'
import { IPC, isAgentId, isPortNumber, isTrustedSender } from '../../electron/ipc.js'
import { conversationToOpen, launchPath } from '../../electron/launch-args.js'
import { applicationMenu, type MenuActions } from '../../electron/menu.js'
import { osNotificationFor, unreadBadge, type DeskAttention } from '../../electron/notifications.js'
import { DEFAULT_SETTINGS, loadSettings, parseSettings, saveSettings, visibleBounds } from '../../electron/settings.js'
import { ALLOWED_PERMISSIONS, isDeviceAccessAllowed, isPermissionAllowed, type PermissionAsk } from '../../electron/permissions.js'
import { appAddress, isAppPath, isAppUrl, isExternalLinkAllowed, routeNavigation, routeNewWindow, type NavigationAttempt } from '../../electron/trusted-url.js'
import { updateFeed } from '../../electron/updates.js'
import { startingPageHtml, startingPageUrl } from '../../electron/starting-page.js'
import { mainWindowOptions, secureWebPreferences } from '../../electron/window.js'

const APP = 'http://127.0.0.1:4780'
const CONV = 'conv_01M8KCY176B176CV6EEJMCR2YT'
const AGENT = 'agt_01M8KCY176B176CV6EEJMCR2YV'

describe('the desktop window', () => {
  it('carries every security flag of the Electron checklist, with the preload', () => {
    assert.deepEqual(secureWebPreferences('/app/dist/electron/preload.cjs'), {
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    })
  })

  it('opens where it was left, or at its default size, hidden until its page is ready', () => {
    const fresh = mainWindowOptions({ preloadPath: '/p.cjs', bounds: null })
    assert.equal(fresh.width, 1280)
    assert.equal(fresh.height, 820)
    assert.equal(fresh.show, false)
    assert.equal(fresh.webPreferences.sandbox, true)
    const placed = mainWindowOptions({ preloadPath: '/p.cjs', bounds: { x: 10, y: 20, width: 1000, height: 700 } })
    assert.deepEqual([placed.x, placed.y, placed.width, placed.height], [10, 20, 1000, 700])
  })
})

describe('the starting page (shown from the moment the window opens until the local API listens)', () => {
  it("is the inbox's frame saying what it waits for", () => {
    const html = startingPageHtml('Opening the store…')
    for (const part of ['<header>', 'Frontdesk Inbox', '>Inbox<', '>Arrivals<', '>Leads<', '>Statistics<', 'class="list"', 'role="status">Opening the store…<'])
      assert.ok(html.includes(part), part)
  })

  it('needs nothing from the API or the network: no script, nothing loaded, a CSP that allows only its own styles', () => {
    const html = startingPageHtml()
    assert.doesNotMatch(html, /<script|<link|<img|src=|href=|url\(/i)
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/)
  })

  it('escapes what it is given, and loads as a data URL', () => {
    assert.match(startingPageHtml('<b>&'), /&#60;b&#62;&#38;/)
    const url = startingPageUrl('Opening the store…')
    assert.ok(url.startsWith('data:text/html;charset=utf-8,'))
    assert.equal(decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length)), startingPageHtml('Opening the store…'))
  })
})

describe('trusted URLs', () => {
  it("treat only the app's own origin as the app, parsing URLs rather than comparing prefixes", () => {
    const cases: [string, boolean][] = [
      ['http://127.0.0.1:4780/inbox', true],
      ['http://127.0.0.1:4780', true],
      ['http://127.0.0.1:47800/', false],
      ['http://127.0.0.1:4780.evil.com/', false],
      ['http://127.0.0.1:4780@evil.com/', false],
      ['https://127.0.0.1:4780/', false],
      ['http://localhost:4780/', false],
      ['javascript:alert(1)', false],
      ['file:///etc/passwd', false],
      ['not a url', false],
      ['', false],
    ]
    for (const [target, expected] of cases) assert.equal(isAppUrl(target, APP), expected, target)
  })

  it('let the OS open web, mail and phone links and nothing else', () => {
    for (const target of ['https://example.com', 'http://example.com', 'mailto:anna@example.com', 'tel:+41791234567']) {
      assert.equal(isExternalLinkAllowed(target), true, target)
    }
    for (const target of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://share', 'ms-msdt:foo', 'data:text/html,x', '']) {
      assert.equal(isExternalLinkAllowed(target), false, target)
    }
  })

  it("route a page's new-window requests: the app in the window, links to the OS, the rest nowhere", () => {
    assert.equal(routeNewWindow(`${APP}/conversations/${CONV}`, APP), 'open-in-app')
    assert.equal(routeNewWindow('https://maps.example.com/?q=46.5,7.9', APP), 'open-in-os')
    assert.equal(routeNewWindow('tel:+41791234567', APP), 'open-in-os')
    assert.equal(routeNewWindow('file:///C:/Windows/System32/calc.exe', APP), 'deny')
    assert.equal(routeNewWindow('javascript:alert(1)', APP), 'deny')
    assert.equal(routeNewWindow(`${APP}/settings`, null), 'deny', 'before the app knows its origin')
  })

  it('route every navigation, redirect and frame of every page: the app stays, user links go to the OS, the rest is blocked', () => {
    const link = (target: string): NavigationAttempt => ({ target, isMainFrame: true, isRedirect: false })
    const redirect = (target: string): NavigationAttempt => ({ target, isMainFrame: true, isRedirect: true })
    const frame = (target: string): NavigationAttempt => ({ target, isMainFrame: false, isRedirect: false })
    const frameRedirect = (target: string): NavigationAttempt => ({ target, isMainFrame: false, isRedirect: true })
    const cases: [string, NavigationAttempt, 'allow' | 'open-in-os' | 'deny'][] = [
      // will-navigate / will-frame-navigate of the main frame
      ['an app page', link(`${APP}/conversations/${CONV}`), 'allow'],
      ['the app root', link(APP), 'allow'],
      ['a web page the user clicked', link('https://maps.example.com/?q=46.5,7.9'), 'open-in-os'],
      ['a mail link', link('mailto:anna@example.com'), 'open-in-os'],
      ['another port on this machine', link('http://127.0.0.1:47800/'), 'open-in-os'],
      ['a look-alike host', link('http://127.0.0.1:4780.evil.com/'), 'deny'],
      ['credentials before another host', link('http://127.0.0.1:4780@evil.com/'), 'open-in-os'],
      ['a local file', link('file:///etc/passwd'), 'deny'],
      ['script', link('javascript:alert(1)'), 'deny'],
      ['a data page', link('data:text/html,<script>alert(1)</script>'), 'deny'],
      ['an OS protocol handler', link('ms-msdt:/id PCWDiagnostic'), 'deny'],
      ['a share', link('smb://attacker/share'), 'deny'],
      ['nonsense', link('not a url'), 'deny'],
      // will-redirect: a server's answer, never handed to the OS
      ['a redirect inside the app', redirect(`${APP}/`), 'allow'],
      ['a redirect to another site', redirect('https://evil.example/phish'), 'deny'],
      ['a redirect to another local port', redirect('http://127.0.0.1:8080/'), 'deny'],
      ['a redirect to a file', redirect('file:///etc/passwd'), 'deny'],
      // will-frame-navigate of a sub-frame: only the app's own origin, nothing handed to the OS
      ['an iframe of the app', frame(`${APP}/v1/attachments/att_01M8KCY176B176CV6EEJMCR2YT`), 'allow'],
      ['an iframe of another site', frame('https://evil.example/'), 'deny'],
      ['an iframe to a mail link', frame('mailto:anna@example.com'), 'deny'],
      ['an iframe to about:blank', frame('about:blank'), 'deny'],
      ['an iframe redirected away', frameRedirect('https://evil.example/'), 'deny'],
    ]
    for (const [name, attempt, expected] of cases) assert.equal(routeNavigation(attempt, APP), expected, name)
    assert.equal(routeNavigation(link(`${APP}/`), null), 'deny', 'before the app knows its origin nothing is shown')
    assert.equal(routeNavigation(link('https://example.com/'), null), 'deny', '…nor handed to the OS')
  })

  it('turn a path the shell wants to show into an app address, never another origin', () => {
    assert.equal(appAddress(`/conversations/${CONV}`, APP), `${APP}/conversations/${CONV}`)
    for (const path of ['//evil.com/x', 'https://evil.com', '/\\evil.com', 'javascript:alert(1)', 42, undefined]) {
      assert.equal(appAddress(path, APP), `${APP}/`, String(path))
    }
  })
})

describe('web permissions', () => {
  const page = `${APP}/conversations/${CONV}`
  const ask = (permission: string, requestingUrl: string | undefined, more: Partial<PermissionAsk> = {}): PermissionAsk => ({
    permission,
    requestingUrl,
    isMainFrame: true,
    ...more,
  })

  it("allow notifications to the app's own page and nothing else to anyone", () => {
    const everyOther = [
      'media',
      'geolocation',
      'clipboard-read',
      'clipboard-sanitized-write',
      'display-capture',
      'fullscreen',
      'hid',
      'serial',
      'usb',
      'idle-detection',
      'mediaKeySystem',
      'midi',
      'midiSysex',
      'pointerLock',
      'keyboardLock',
      'openExternal',
      'speaker-selection',
      'storage-access',
      'top-level-storage-access',
      'window-management',
      'fileSystem',
      'unknown',
      '',
    ]
    const cases: [string, PermissionAsk, boolean][] = [
      ['notifications for the app page (request: its URL)', ask('notifications', page), true],
      ['notifications for the app page (check: its origin)', ask('notifications', APP), true],
      ['notifications for another site', ask('notifications', 'https://evil.example/'), false],
      ['notifications for another local port', ask('notifications', 'http://127.0.0.1:47800'), false],
      ['notifications for localhost instead of 127.0.0.1', ask('notifications', 'http://localhost:4780'), false],
      ['notifications for a look-alike host', ask('notifications', 'http://127.0.0.1:4780.evil.com'), false],
      ['notifications for a file page', ask('notifications', 'file:///etc/passwd'), false],
      ['notifications from an iframe of the app', ask('notifications', page, { isMainFrame: false }), false],
      ['notifications from a cross-origin iframe', ask('notifications', undefined, { isMainFrame: false, embeddingOrigin: APP }), false],
      ['notifications from an unknown frame', ask('notifications', undefined), false],
      ...everyOther.map((permission): [string, PermissionAsk, boolean] => [`${permission || '(empty)'} for the app page`, ask(permission, page), false]),
    ]
    for (const [name, permissionAsk, expected] of cases) assert.equal(isPermissionAllowed(permissionAsk, APP), expected, name)
    assert.deepEqual(ALLOWED_PERMISSIONS, ['notifications'])
  })

  it('allow nothing before the app knows its origin, and no device to any page', () => {
    assert.equal(isPermissionAllowed(ask('notifications', page), null), false)
    assert.equal(isDeviceAccessAllowed(), false)
  })
})

describe('IPC', () => {
  it("names every channel once, in the app's namespace", () => {
    const channels = Object.values(IPC)
    assert.equal(new Set(channels).size, channels.length)
    for (const channel of channels) assert.match(channel, /^frontdesk:[a-z-]+$/)
  })

  it("trusts only the top frame of the app's own page", () => {
    assert.equal(isTrustedSender({ url: `${APP}/settings`, parent: null }, APP), true)
    assert.equal(isTrustedSender({ url: `${APP}/settings`, parent: {} }, APP), false, 'a sub-frame')
    assert.equal(isTrustedSender({ url: 'https://evil.example/', parent: null }, APP), false)
    assert.equal(isTrustedSender(null, APP), false)
    assert.equal(isTrustedSender(undefined, APP), false)
  })

  it('checks what the page sends', () => {
    assert.equal(isAppPath(`/conversations/${CONV}`), true)
    assert.equal(isAppPath('/'), true)
    for (const path of ['//evil.com', 'https://evil.com', '/\\evil.com', 'settings', 42, '/a b']) assert.equal(isAppPath(path), false, String(path))
    assert.equal(isPortNumber(4780), true)
    for (const port of [80, 0, 70000, 4780.5, '4780']) assert.equal(isPortNumber(port), false, String(port))
    assert.equal(isAgentId(AGENT), true)
    assert.equal(isAgentId(null), true)
    for (const id of ['agt_', 'gst_01M8KCY176B176CV6EEJMCR2YV', 7, undefined]) assert.equal(isAgentId(id), false, String(id))
  })
})

describe('OS notifications', () => {
  const away: DeskAttention = { agentId: AGENT, windowFocused: false, openConversationId: null }
  const message = {
    type: 'guest-message',
    conversationId: CONV,
    guestLabel: 'Eva Brunner',
    preview: 'Is late check-out possible?',
    mode: 'human',
    assignedAgentId: null,
  } as const

  it('show a guest message that staff must answer, and open its conversation', () => {
    assert.deepEqual(osNotificationFor(message, away), { title: 'Eva Brunner', body: 'Is late check-out possible?', conversationId: CONV })
  })

  it("stay quiet while the AI agent has the conversation, while it is someone else's, or while it is on screen", () => {
    assert.equal(osNotificationFor({ ...message, mode: 'ai' }, away), null)
    assert.equal(osNotificationFor({ ...message, assignedAgentId: 'agt_01M8KCY176B176CV6EEJMCR2ZZ' }, away), null)
    assert.equal(osNotificationFor(message, { ...away, windowFocused: true, openConversationId: CONV }), null)
    assert.notEqual(osNotificationFor(message, { ...away, windowFocused: false, openConversationId: CONV }), null, 'open but the window is in the background')
    assert.notEqual(osNotificationFor({ ...message, assignedAgentId: AGENT }, away), null, 'assigned to the agent on this desk')
  })

  it('shorten long messages', () => {
    const shown = osNotificationFor({ ...message, preview: 'word '.repeat(100) }, away)
    assert.ok(shown && shown.body.length <= 140 && shown.body.endsWith('…'))
  })

  it("show an agent's own notifications only to that agent", () => {
    const assigned = { type: 'agent-notification', agentId: AGENT, kind: 'assigned', conversationId: CONV, text: 'Anna assigned Eva Brunner to you' } as const
    assert.deepEqual(osNotificationFor(assigned, away), { title: 'Assigned to you', body: 'Anna assigned Eva Brunner to you', conversationId: CONV })
    assert.equal(osNotificationFor(assigned, { ...away, agentId: 'agt_01M8KCY176B176CV6EEJMCR2ZZ' }), null)
    assert.equal(osNotificationFor(assigned, { ...away, agentId: null }), null)
    assert.equal(osNotificationFor({ type: 'unread', count: 3 }, away), null)
  })

  it('badge the unread count the way each platform shows it', () => {
    assert.deepEqual(unreadBadge(3, 'darwin'), { count: 3, overlay: null, trayTitle: '3', trayTooltip: 'Frontdesk Inbox — 3 unread messages' })
    assert.deepEqual(unreadBadge(1, 'linux'), { count: 1, overlay: null, trayTitle: '', trayTooltip: 'Frontdesk Inbox — 1 unread message' })
    assert.deepEqual(unreadBadge(250, 'win32'), {
      count: 0,
      overlay: '250 unread messages',
      trayTitle: '',
      trayTooltip: 'Frontdesk Inbox — 250 unread messages',
    })
    assert.equal(unreadBadge(250, 'darwin').trayTitle, '99+')
    assert.deepEqual(unreadBadge(0, 'win32'), { count: 0, overlay: null, trayTitle: '', trayTooltip: 'Frontdesk Inbox — no unread messages' })
  })
})

describe('the application menu', () => {
  const calls: string[] = []
  const actions: MenuActions = {
    navigate: (path) => calls.push(`navigate ${path}`),
    focusSearch: () => calls.push('find'),
    openApiDocs: () => calls.push('docs'),
    openDataFolder: () => calls.push('data'),
  }
  const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
  const byLabel = (items: MenuItemConstructorOptions[], label: string) => flatten(items).find((item) => item.label === label)
  const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as unknown as () => void)()

  it('has the usual editing roles and shortcuts on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const roles = flatten(applicationMenu(platform, actions, { developerTools: false })).map((item) => item.role)
      for (const role of [
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'quit',
        'reload',
        'zoomIn',
        'zoomOut',
        'resetZoom',
        'togglefullscreen',
        'minimize',
      ]) {
        assert.ok(roles.includes(role as MenuItemConstructorOptions['role']), `${platform}: ${role}`)
      }
      assert.ok(!roles.includes('toggleDevTools'), 'no developer tools in a packaged app')
    }
    assert.equal(applicationMenu('darwin', actions, { developerTools: false })[0]!.label, 'Frontdesk Inbox', 'the app menu comes first on macOS')
    assert.ok(flatten(applicationMenu('linux', actions, { developerTools: true })).some((item) => item.role === 'toggleDevTools'))
  })

  it("goes to the app's pages and finds conversations", () => {
    const menu = applicationMenu('win32', actions, { developerTools: false })
    assert.equal(byLabel(menu, 'Find Conversation')?.accelerator, 'CmdOrCtrl+F')
    assert.equal(byLabel(menu, 'Settings…')?.accelerator, 'CmdOrCtrl+,')
    assert.equal(byLabel(menu, 'Arrivals')?.accelerator, 'CmdOrCtrl+2')
    click(byLabel(menu, 'Arrivals'))
    click(byLabel(menu, 'Find Conversation'))
    click(byLabel(menu, 'Settings…'))
    click(byLabel(menu, 'API Documentation'))
    assert.deepEqual(calls, ['navigate /arrivals', 'find', 'navigate /settings', 'docs'])
  })
})

describe('desktop settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-settings-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('default to port 4780, no start at login, no updates', () => {
    assert.deepEqual(loadSettings(join(dir, 'missing.json')), { port: 4780, startAtLogin: false, updateUrl: null, window: null })
  })

  it('survive a save and a load', () => {
    const file = join(dir, 'nested', 'settings.json')
    const settings = {
      port: 4790,
      startAtLogin: true,
      updateUrl: 'https://updates.example.com/frontdesk',
      window: { x: 5, y: 6, width: 1200, height: 800, maximized: true },
    }
    saveSettings(file, settings)
    assert.deepEqual(loadSettings(file), settings)
  })

  it('keep the good fields of a damaged file and default the rest', () => {
    const file = join(dir, 'damaged.json')
    writeFileSync(file, JSON.stringify({ port: 99999, startAtLogin: true, updateUrl: 'javascript:alert(1)', window: { x: 'a' } }))
    assert.deepEqual(loadSettings(file), { ...DEFAULT_SETTINGS, startAtLogin: true })
    writeFileSync(file, '{ not json')
    assert.deepEqual(loadSettings(file), DEFAULT_SETTINGS)
    assert.deepEqual(parseSettings(null), DEFAULT_SETTINGS)
    assert.equal(readFileSync(file, 'utf8'), '{ not json', 'loading never rewrites the file')
  })

  it('forget a window place that is no longer on any screen', () => {
    const screens = [{ x: 0, y: 0, width: 1920, height: 1040 }]
    const onScreen = { x: 100, y: 100, width: 1200, height: 800 }
    assert.deepEqual(visibleBounds(onScreen, screens), onScreen)
    assert.equal(visibleBounds({ ...onScreen, x: 2500 }, screens), null, 'on a monitor since unplugged')
    assert.equal(visibleBounds({ ...onScreen, y: -700 }, screens), null, 'title bar above the screen')
    assert.deepEqual(visibleBounds({ ...onScreen, x: 2500 }, [...screens, { x: 1920, y: 0, width: 1920, height: 1040 }]), { ...onScreen, x: 2500 })
    assert.equal(visibleBounds(null, screens), null)
  })
})

describe('launch arguments', () => {
  it('open the conversation a link or flag names, the inbox otherwise', () => {
    assert.equal(conversationToOpen(['/opt/Frontdesk Inbox/frontdesk-inbox', `frontdesk://conversations/${CONV}`]), CONV)
    assert.equal(conversationToOpen(['app', `frontdesk://conversations/${CONV}/`]), CONV)
    assert.equal(conversationToOpen(['app', `--open-conversation=${CONV}`]), CONV)
    assert.equal(launchPath(['app', `--open-conversation=${CONV}`]), `/conversations/${CONV}`)
    for (const argv of [
      ['app'],
      ['app', 'frontdesk://settings'],
      ['app', 'frontdesk://conversations/../../etc'],
      ['app', '--open-conversation=gst_x'],
      ['app', 'https://evil.example/conversations/conv_x'],
    ]) {
      assert.equal(conversationToOpen(argv), null, argv.join(' '))
      assert.equal(launchPath(argv), '/')
    }
  })
})

describe('automatic updates', () => {
  it('follow the configured generic feed, in packaged apps only, over https', () => {
    assert.deepEqual(updateFeed({ settingsUrl: 'https://updates.example.com/fd', env: {}, isPackaged: true }), {
      provider: 'generic',
      url: 'https://updates.example.com/fd',
      channel: 'latest',
    })
    assert.deepEqual(
      updateFeed({ settingsUrl: null, env: { FRONTDESK_UPDATE_URL: 'https://hq.example.com/u', FRONTDESK_UPDATE_CHANNEL: 'beta' }, isPackaged: true }),
      { provider: 'generic', url: 'https://hq.example.com/u', channel: 'beta' },
    )
    assert.equal(updateFeed({ settingsUrl: 'https://updates.example.com/fd', env: {}, isPackaged: false }), null, 'not in development')
    assert.equal(updateFeed({ settingsUrl: null, env: {}, isPackaged: true }), null)
    assert.equal(updateFeed({ settingsUrl: 'http://updates.example.com/fd', env: {}, isPackaged: true }), null, 'never plain http off this machine')
    assert.notEqual(updateFeed({ settingsUrl: 'http://127.0.0.1:8080/fd', env: {}, isPackaged: true }), null)
  })
})
