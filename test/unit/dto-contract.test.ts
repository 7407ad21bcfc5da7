import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Static } from 'typebox'
import type { Agent, ApiToken, Conversation, ListedAgent, Message, Reservation } from '../../renderer/api/dto.js'
import type { AgentWithSignInSchema } from '../../local-api/routes/v1/agents.js'
import type { ApiTokenSchema } from '../../local-api/routes/v1/tokens.js'
import type { AgentSchema, ConversationSchema, MessageSchema, ReservationSchema } from '../../local-api/routes/v1/schemas.js'
import type { DesktopBridge as RendererBridge, DesktopInfo as RendererDesktopInfo } from '../../renderer/api/desktop-bridge.js'
import type { DesktopBridge as ShellBridge, DesktopInfo as ShellDesktopInfo } from '../../electron/ipc.js'

/**
 * The renderer's DTO types must describe what the server's response schemas send. The check is
 * the compiler's (npm test typechecks first): each pair must be assignable both ways.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const agree = <A, B>(same: Same<A, B>) => same

describe('the renderer\'s DTOs', () => {
  it('match the /v1 response schemas', () => {
    assert.ok(agree<Static<typeof ConversationSchema>, Conversation>(true))
    assert.ok(agree<Static<typeof MessageSchema>, Message>(true))
    assert.ok(agree<Static<typeof AgentSchema>, Agent>(true))
    assert.ok(agree<Static<typeof ReservationSchema>, Reservation>(true))
    assert.ok(agree<Static<typeof AgentWithSignInSchema>, ListedAgent>(true))
    assert.ok(agree<Static<typeof ApiTokenSchema>, ApiToken>(true))
  })
})

describe('the desktop bridge', () => {
  it('is the same type on both sides of the preload', () => {
    assert.ok(agree<ShellBridge, RendererBridge>(true))
    assert.ok(agree<ShellDesktopInfo, RendererDesktopInfo>(true))
  })
})
