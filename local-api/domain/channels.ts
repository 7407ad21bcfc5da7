/** Channels a conversation can be on. The unified-messaging dialect names two of them its own way. */
export const CHANNELS = ['web_chat', 'phone', 'whatsapp', 'facebook', 'instagram', 'sms', 'email', 'guest_app'] as const
export type Channel = (typeof CHANNELS)[number]

export type Direction = 'in' | 'out'
