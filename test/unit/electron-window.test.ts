import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isAppUrl, isExternalLinkAllowed, secureWebPreferences } from '../../electron/window.js'

describe('the desktop window', () => {
  it('carries every security flag of the Electron checklist', () => {
    assert.deepEqual(secureWebPreferences(), {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    })
  })

  it('treats only the app\'s own origin as the app, parsing URLs rather than comparing prefixes', () => {
    const app = 'http://127.0.0.1:4780'
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
    ]
    for (const [target, expected] of cases) assert.equal(isAppUrl(target, app), expected, target)
  })

  it('lets the OS open web, mail and phone links and nothing else', () => {
    for (const target of ['https://example.com', 'http://example.com', 'mailto:anna@example.com', 'tel:+41791234567']) {
      assert.equal(isExternalLinkAllowed(target), true, target)
    }
    for (const target of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://share', 'ms-msdt:foo', '']) {
      assert.equal(isExternalLinkAllowed(target), false, target)
    }
  })
})
