import { Type, type Static } from 'typebox'

/** Channels a conversation can be on. The unified-messaging dialect names two of them its own way. */
export const CHANNELS = ['web_chat', 'phone', 'whatsapp', 'facebook', 'instagram', 'sms', 'email', 'guest_app'] as const

export const ChannelSchema = Type.Enum([...CHANNELS], { description: 'The channel a conversation is on.' })
export type Channel = Static<typeof ChannelSchema>
