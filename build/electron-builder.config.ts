// electron-builder: `npm run dist` packages the desktop app for the platform it runs on
// (`-- --linux`, `--win`, `--mac` for others where the toolchain allows).
import type { Configuration } from 'electron-builder'

const config: Configuration = {
  appId: 'ch.frontdesk.inbox',
  productName: 'Frontdesk Inbox',
  copyright: 'Copyright © 2026 Frontdesk Inbox',
  directories: { output: 'release', buildResources: 'build' },
  // What the app runs: the bundled shell and API process, the built inbox, the tray icons.
  // Production dependencies come along from package.json; sources, tests and tools do not, and
  // neither does the PostgreSQL client (pg and the packages only it needs): the central server runs
  // headless (`frontdesk central`), never in the desktop app.
  files: [
    'dist/electron/**/*',
    'dist/renderer/**/*',
    'electron/assets/**/*',
    'package.json',
    '!**/*.map',
    '!node_modules/{pg,pg-*,pgpass,postgres-*,xtend}{,/**/*}',
  ],
  // better-sqlite3 is rebuilt for Electron's Node while packing, and its binary kept outside the
  // archive, as native modules cannot load from inside an asar.
  npmRebuild: true,
  nodeGypRebuild: false,
  asar: true,
  asarUnpack: ['**/*.node'],
  // Hardening once packed: no running as plain Node, no NODE_OPTIONS or --inspect, the archive's
  // integrity checked, the app only from the archive.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },
  protocols: [{ name: 'Frontdesk Inbox', schemes: ['frontdesk'] }],
  // The update feed is configured per installation (Settings or FRONTDESK_UPDATE_URL); this entry
  // makes electron-builder write latest*.yml beside the installers for that server to host.
  publish: [{ provider: 'generic', url: 'https://updates.example.invalid/frontdesk-inbox' }],
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    icon: 'build/icon.png',
    maintainer: 'Frontdesk Inbox',
    synopsis: 'Every guest channel in one inbox, next to the reservation',
  },
  deb: { depends: ['libnotify4', 'libsecret-1-0'] },
  win: { target: ['nsis'], icon: 'build/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], icon: 'build/icon.png', category: 'public.app-category.business', hardenedRuntime: true },
}

export default config
