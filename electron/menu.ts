// The application menu as data: the usual roles and shortcuts per platform, and the app's own
// items calling the actions it is given. Type-only Electron import, so tests run under Node.
import type { MenuItemConstructorOptions } from 'electron'
import type { Platform } from './notifications.js'

export interface MenuActions {
  navigate(path: string): void
  focusSearch(): void
  openApiDocs(): void
  openDataFolder(): void
}

export function applicationMenu(platform: Platform, actions: MenuActions, options: { developerTools: boolean }): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const settings: MenuItemConstructorOptions = { label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: () => actions.navigate('/settings') }
  const go = (label: string, path: string, key: string): MenuItemConstructorOptions => ({
    label,
    accelerator: `CmdOrCtrl+${key}`,
    click: () => actions.navigate(path),
  })

  return [
    ...(mac
      ? [
          {
            label: 'Frontdesk Inbox',
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              settings,
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    { label: 'File', submenu: mac ? [{ role: 'close' }] : [settings, { type: 'separator' }, { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find Conversation', accelerator: 'CmdOrCtrl+F', click: () => actions.focusSearch() },
      ],
    },
    {
      label: 'Go',
      submenu: [go('Inbox', '/', '1'), go('Arrivals', '/arrivals', '2'), go('Leads', '/leads', '3'), go('Statistics', '/stats', '4')],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(options.developerTools ? ([{ role: 'forceReload' }, { role: 'toggleDevTools' }] satisfies MenuItemConstructorOptions[]) : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Window',
      submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
    },
    {
      role: 'help',
      submenu: [
        { label: 'API Documentation', click: () => actions.openApiDocs() },
        { label: 'Open Data Folder', click: () => actions.openDataFolder() },
      ],
    },
  ]
}
