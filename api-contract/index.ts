/**
 * The contract of the desk's native API (/v1): the TypeBox schemas its routes validate and
 * serialise with, and their `Static<>` types. It depends on nothing but TypeBox: local-api's routes
 * import the schemas, the renderer imports only the types (`import type`), so none of the server's
 * code reaches the bundle. A field a schema lacks is dropped by the serializer: add it here.
 */
export * from './agents.js'
export * from './arrivals.js'
export * from './channel-accounts.js'
export * from './channels.js'
export * from './common.js'
export * from './contact-suggestions.js'
export * from './conversations.js'
export * from './events.js'
export * from './guests.js'
export * from './health.js'
export * from './knowledge.js'
export * from './leads.js'
export * from './messages.js'
export * from './notifications.js'
export * from './outlets.js'
export * from './properties.js'
export * from './reservations.js'
export * from './service-records.js'
export * from './session.js'
export * from './settings.js'
export * from './translation.js'
export * from './setup.js'
export * from './stats.js'
export * from './sync.js'
export * from './templates.js'
export * from './tokens.js'
