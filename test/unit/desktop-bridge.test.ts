import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { DesktopBridge as RendererBridge, DesktopInfo as RendererDesktopInfo } from '../../renderer/api/desktop-bridge.js'
import type { DesktopBridge as ShellBridge, DesktopInfo as ShellDesktopInfo } from '../../electron/ipc.js'

/** The check is the compiler's (npm test typechecks first): each pair must be assignable both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const agree = <A, B>(same: Same<A, B>) => same

describe('the desktop bridge', () => {
  it('is the same type on both sides of the preload', () => {
    assert.ok(agree<ShellBridge, RendererBridge>(true))
    assert.ok(agree<ShellDesktopInfo, RendererDesktopInfo>(true))
  })
})
