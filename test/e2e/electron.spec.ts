import { _electron, expect, test } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SetupPage } from './pages/setup-page.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** Electron's binary: ELECTRON_PATH, or the one the electron package downloaded (none where downloads are blocked). */
function electronBinary(): { path: string } | { missing: string } {
  if (process.env.ELECTRON_PATH) {
    return existsSync(process.env.ELECTRON_PATH)
      ? { path: process.env.ELECTRON_PATH }
      : { missing: `ELECTRON_PATH=${process.env.ELECTRON_PATH} does not exist` }
  }
  try {
    const path = createRequire(import.meta.url)('electron') as string
    return existsSync(path) ? { path } : { missing: `the electron package's binary (${path}) is not installed` }
  } catch {
    return { missing: "Electron's binary is not installed (npm start downloads it); set ELECTRON_PATH to run this test" }
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

test('the desktop app starts its local API and shows the inbox in a secure window', async () => {
  const binary = electronBinary()
  if ('missing' in binary) {
    console.log(`electron smoke test skipped: ${binary.missing}`)
    test.skip(true, binary.missing)
    return
  }
  test.setTimeout(180_000)

  // Build the shell, and better-sqlite3 for Electron; the Node build comes back afterwards.
  execFileSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: root, stdio: 'inherit' })
  execFileSync(process.execPath, ['scripts/native-for.mjs', 'electron'], { cwd: root, stdio: 'inherit' })
  const userData = mkdtempSync(join(tmpdir(), 'frontdesk-electron-'))
  const port = await freePort()
  writeFileSync(join(userData, 'settings.json'), JSON.stringify({ port }))
  const app = await _electron.launch({
    executablePath: binary.path,
    args: [root, '--no-sandbox'],
    env: { ...process.env, FRONTDESK_USER_DATA: userData } as Record<string, string>,
  })
  try {
    const page = await app.firstWindow()
    await expect(new SetupPage(page).heading()).toBeVisible({ timeout: 30_000 })
    expect(page.url()).toBe(`http://127.0.0.1:${port}/`)
    // The page has the bridge, and nothing of Node.
    expect(await page.evaluate(() => typeof (globalThis as unknown as { frontdesk?: object }).frontdesk)).toBe('object')
    expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual([
      'undefined',
      'undefined',
    ])
    const info = await page.evaluate(() =>
      (globalThis as unknown as { frontdesk: { getDesktopInfo(): Promise<{ ok: boolean; value: { apiUrl: string } }> } }).frontdesk.getDesktopInfo(),
    )
    expect(info).toMatchObject({ ok: true, value: { apiUrl: `http://127.0.0.1:${port}` } })
    // Off-origin navigation is refused: the window stays on the app.
    await page.evaluate(() => globalThis.location.assign('https://example.com/'))
    await page.waitForTimeout(500)
    expect(page.url().startsWith(`http://127.0.0.1:${port}/`)).toBe(true)
  } finally {
    await app.close()
    rmSync(userData, { recursive: true, force: true })
    execFileSync(process.execPath, ['scripts/native-for.mjs', 'node'], { cwd: root, stdio: 'inherit' })
  }
})
