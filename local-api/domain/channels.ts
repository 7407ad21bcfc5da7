/** Channels a conversation can be on (the API contract names them). */
export { CHANNELS, type Channel } from '../../api-contract/channels.js'

export type Direction = 'in' | 'out'
