export const SCOPES = [
  'guest.conversation.write',
  'guest.conversation.read',
  'reservation.write',
  'reservation.read',
  'admin',
] as const

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
