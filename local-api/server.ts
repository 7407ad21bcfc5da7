import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyServerOptions } from 'fastify'
import { createHash } from 'node:crypto'
import { openStore, type Store } from './db/store.js'
import type { DeliveryOptions } from './services/delivery.js'
import type { DeskSyncOptions } from './services/sync/sync-service.js'
import { appContext } from './plugins/app-context.js'
import { auth, presentedToken, SESSION_COOKIE } from './plugins/auth.js'
import { useProblemErrors } from './plugins/problem-errors.js'
import { serveRenderer } from './plugins/renderer.js'
import { installValidators } from './plugins/validation.js'
import { interactiveRoutes } from './routes/dialects/interactive.js'
import { textCallRoutes } from './routes/dialects/text-call.js'
import { thirdPartyRoutes } from './routes/dialects/third-party.js'
import { unifiedMessagingRoutes } from './routes/dialects/unified-messaging.js'
import { v1Routes } from './routes/v1/index.js'
import { ensureDefaultProperty } from './services/properties.js'

export const VERSION = '0.1.0'

export interface ServerConfig {
  /** Where the SQLite store lives; ignored when `store` is given. */
  dataDir?: string
  store?: Store
  logger?: FastifyServerOptions['logger']
  /** Requests per minute per token (or per address without one). */
  rateLimitPerMinute?: number
  /** Outbound delivery's retry timing (tests shorten it). */
  delivery?: DeliveryOptions
  /** How a connected desk reaches its central server (tests shorten the timing). */
  sync?: DeskSyncOptions
  /** The built inbox UI to serve at `/`; defaults to dist/renderer. */
  rendererDir?: string
  /** The first property's phone country when the data dir is new. */
  defaultCountry?: string
  clock?: () => number
}

/** Largest accepted request body: 100 messages of generous size, with room to spare. */
export const BODY_LIMIT_BYTES = 4 * 1024 * 1024

/** Builds the local API. It never listens: the CLI and the desktop host do. */
export async function buildServer(config: ServerConfig) {
  const store = config.store ?? (config.dataDir ? openStore(config.dataDir) : undefined)
  if (!store) throw new Error('buildServer needs a dataDir or a store')
  const clock = config.clock ?? Date.now
  ensureDefaultProperty(store, { name: 'My hotel', defaultCountry: config.defaultCountry ?? 'US', timeZone: 'UTC' })

  const app = Fastify({
    logger: config.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
  }).withTypeProvider<TypeBoxTypeProvider>()

  installValidators(app)
  useProblemErrors(app)

  await app.register(helmet, {
    global: true,
    // The desk may be reached over plain http on a LAN address (--host): never rewrite requests to https.
    // Guests' photos may live on their channel's https CDN; scripts and everything else stay same-origin.
    // Strict for the inbox (which the desktop app shows): scripts, styles, fonts and connections only
    // from this server, no plugins, no framing.
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: null,
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
      },
    },
    strictTransportSecurity: false,
  })
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute ?? 6000,
    timeWindow: '1 minute',
    keyGenerator: (request) => {
      const credential = presentedToken(request) ?? request.cookies?.[SESSION_COOKIE]
      return credential ? `key:${createHash('sha256').update(credential).digest('hex')}` : `ip:${request.ip}`
    },
  })
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Frontdesk Inbox local API',
        version: VERSION,
        description:
          'The native /v1 API and the vendor dialects local systems push guest messages through. ' +
          'Send a token as `Authorization: Bearer <token>` or `x-access-token: <token>`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          accessToken: { type: 'apiKey', in: 'header', name: 'x-access-token' },
        },
      },
      security: [{ bearer: [] }, { accessToken: [] }],
      tags: [
        { name: 'native', description: 'Frontdesk Inbox\'s own API' },
        { name: 'unified-messaging', description: 'Dialect 1: unified messaging push (LIKE MAGIC style)' },
        { name: 'text-call', description: 'Dialect 2: text calls from online/offline channel accounts' },
        { name: 'interactive', description: 'Dialect 3: guest-app conversations (sessionToken in the body)' },
        { name: 'third-party', description: 'Dialect 4: third-party conversation reads (x-access-token)' },
      ],
    },
  })
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true })

  await app.register(cookie)
  await app.register(appContext, { store, clock, delivery: config.delivery, sync: config.sync })
  await app.register(auth)
  await app.register(v1Routes, { prefix: '/v1' })
  await app.register(unifiedMessagingRoutes, { prefix: '/api/unified-messaging-service' })
  await app.register(textCallRoutes, { prefix: '/api/onsite-account' })
  await app.register(interactiveRoutes, { prefix: '/API/V40/Interactive/Messages' })
  await app.register(thirdPartyRoutes, { prefix: '/3rd' })
  await serveRenderer(app, config.rendererDir)

  return app
}

export type App = Awaited<ReturnType<typeof buildServer>>
