import { SCOPES } from '../../api-contract/tokens.js'

/** What an API token or a role may do (the API contract names them). */
export { SCOPES }

export type Scope = (typeof SCOPES)[number]

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value)
}

/** `admin` grants every scope. */
export function grants(held: readonly Scope[], needed: Scope): boolean {
  return held.includes(needed) || held.includes('admin')
}

/** What a signed-in staff member may do: admins everything; agents work the inbox and read reservations. */
export function scopesOfRole(role: 'agent' | 'admin'): readonly Scope[] {
  return role === 'admin' ? ['admin'] : ['guest.conversation.read', 'guest.conversation.write', 'reservation.read']
}

/**
 * Internal notes are staff-only data: a signed-in staff member (agent or admin) reads and writes them;
 * an API token never does, whatever its scopes — integrators read a conversation as the guest had it.
 */
export function seesInternalNotes(caller: { agent: object | null }): boolean {
  return caller.agent !== null
}
