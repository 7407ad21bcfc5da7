import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyServerOptions } from 'fastify'
import fastJsonStringify from 'fast-json-stringify'
import { INTEGRITY_CHECK_BUDGET_MS, openStoreForServing, type ServingStore } from './db/serving.js'
import type { Store } from './db/store.js'
import type { DeliveryOptions } from './services/delivery.js'
import type { DeskSyncOptions } from './services/sync/sync-service.js'
import { appContext } from './plugins/app-context.js'
import { backupSchedule, type BackupScheduleOptions } from './plugins/backups.js'
import { storageGuard } from './plugins/storage-guard.js'
import { createStorageHealth } from './services/storage-health.js'
import { auth, rateLimitKey } from './plugins/auth.js'
import { hostPolicy } from './plugins/host-policy.js'
import { closeSilentConnections } from './plugins/silent-connections.js'
import { useProblemErrors } from '../sync-core/http/problem-errors.js'
import { compileOnFirstUse } from '../sync-core/http/compile-on-first-use.js'
import { deskErrorAnswer } from './plugins/desk-errors.js'
import { serveRenderer } from './plugins/renderer.js'
import { installValidators } from '../sync-core/http/validation.js'
import { interactiveRoutes } from './routes/dialects/interactive.js'
import { textCallRoutes } from './routes/dialects/text-call.js'
import { thirdPartyRoutes } from './routes/dialects/third-party.js'
import { unifiedMessagingRoutes } from './routes/dialects/unified-messaging.js'
import { v1Routes } from './routes/v1/index.js'
import { ensureDefaultProperty } from './services/properties.js'
import { demoWebhook } from './plugins/demo-webhook.js'

export const VERSION = '0.1.0'

export interface ServerConfig {
  /** Where the SQLite store lives; ignored when `store` is given. */
  dataDir?: string
  /** An open store (its sync clock follows the clock it was opened with, not `clock`). */
  store?: Store
  logger?: FastifyServerOptions['logger']
  /** Requests per minute per live token or session (else per client address: junk credentials share it). */
  rateLimitPerMinute?: number
  /** Outbound delivery's retry timing (tests shorten it). */
  delivery?: DeliveryOptions
  /** How a connected desk reaches its central server (tests shorten the timing). */
  sync?: DeskSyncOptions
  /** The built inbox UI to serve at `/`; defaults to dist/renderer. */
  rendererDir?: string
  /** The first property's phone country when the data dir is new. */
  defaultCountry?: string
  /** The services' clock; a store opened from `dataDir` stamps its changes by it too. */
  clock?: () => number
  /** The daily backup into `<dataDir>/backups` (`startServer` turns it on; off when not given). */
  backups?: BackupScheduleOptions
  /** How long start-up waits for quick_check before serving, counted from the check's start while the API is built (default 250 ms; the check then goes on in the background). */
  integrityCheckBudgetMs?: number
  /**
   * Names or addresses the desk answers to beyond 127.0.0.1, localhost and [::1] (`--allowed-host`;
   * `startServer` adds its `--host`). Any other Host header is answered 421 before any route runs.
   */
  allowedHosts?: readonly string[]
  /** The base URL of links the API builds (`--public-url`); default: the address it listens on (127.0.0.1 for a wildcard). */
  publicUrl?: string
  /** A request (headers and body) must arrive within this time, or its connection is closed (default 30 s). */
  requestTimeoutMs?: number
}

/** Largest accepted request body: 100 messages of generous size, with room to spare. */
export const BODY_LIMIT_BYTES = 4 * 1024 * 1024

/**
 * Slow clients (slowloris): the whole request within 30 s, its headers within 10 s (a connection
 * that sends nothing is closed after 10 s too), idle keep-alive 10 s.
 */
export const REQUEST_TIMEOUT_MS = 30_000
const HEADERS_TIMEOUT_MS = 10_000
const KEEP_ALIVE_TIMEOUT_MS = 10_000

/** Builds the local API. It never listens: the CLI and the desktop host do. */
export async function buildServer(config: ServerConfig) {
  // A store opened here is checked (quick_check, in a worker thread) while the API is built; a damaged one is served read-only.
  const checkStarted = performance.now()
  const serving: ServingStore | undefined =
    config.store || !config.dataDir ? undefined : await openStoreForServing(config.dataDir, { budgetMs: 0, now: config.clock })
  const store = config.store ?? serving?.store
  if (!store) throw new Error('buildServer needs a dataDir or a store')
  const clock = config.clock ?? Date.now
  const damage = serving?.integrity && !serving.integrity.ok ? { problems: serving.integrity.problems, restoreHint: serving.restoreHint() } : undefined
  const storageHealth = createStorageHealth(store, { file: store.file, damage, clock })

  const requestTimeout = config.requestTimeoutMs ?? REQUEST_TIMEOUT_MS
  const app = Fastify({
    logger: config.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Node closes a connection whose request (headers, then body) is not complete in time; a
    // response in progress (the /v1/events stream, an export) is not cut: its request is complete.
    requestTimeout,
    keepAliveTimeout: Math.min(KEEP_ALIVE_TIMEOUT_MS, requestTimeout),
    http: {
      headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestTimeout),
      // How often Node looks for overdue requests (its default, 30 s, would double the timeouts).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(requestTimeout / 4))),
    },
  }).withTypeProvider<TypeBoxTypeProvider>()

  closeSilentConnections(app.server, Math.min(HEADERS_TIMEOUT_MS, requestTimeout))

  // First of all hooks: a request not addressed to this desk's own names reaches nothing (421).
  await app.register(hostPolicy, { allowedHosts: config.allowedHosts, publicUrl: config.publicUrl })

  installValidators(app)
  // Fastify's own response serializer (fast-json-stringify), compiled when a route first answers.
  app.setSerializerCompiler(compileOnFirstUse(({ schema }: { schema: object }) => fastJsonStringify(schema)))
  useProblemErrors(app, deskErrorAnswer)

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
    keyGenerator: (request) => rateLimitKey(app, request),
  })
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Frontdesk Inbox local API',
        version: VERSION,
        description:
          'The native /v1 API and the vendor dialects local systems push guest messages through. ' +
          'Send a token as `Authorization: Bearer <token>` or `x-access-token: <token>`. ' +
          'Every request must be addressed to the desk (Host 127.0.0.1, localhost, [::1] or a name given with --allowed-host), ' +
          'else it is answered 421 before any route runs; without a live credential a route answers 401 before reading the body.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          accessToken: { type: 'apiKey', in: 'header', name: 'x-access-token' },
        },
      },
      security: [{ bearer: [] }, { accessToken: [] }],
      tags: [
        { name: 'native', description: "Frontdesk Inbox's own API" },
        { name: 'unified-messaging', description: 'Dialect 1: unified messaging push (LIKE MAGIC style)' },
        { name: 'text-call', description: 'Dialect 2: text calls from online/offline channel accounts' },
        { name: 'interactive', description: 'Dialect 3: guest-app conversations (sessionToken in the body)' },
        { name: 'third-party', description: 'Dialect 4: third-party conversation reads (x-access-token)' },
      ],
    },
  })
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true })

  await app.register(cookie)
  await app.register(appContext, {
    store,
    clock,
    readOnly: () => Boolean(storageHealth.damaged),
    delivery: { publicUrl: () => app.publicUrl(), ...config.delivery },
    sync: config.sync,
  })
  await app.register(auth)
  await app.register(demoWebhook)
  await app.register(storageGuard, { health: storageHealth, serving })
  if (config.backups && config.dataDir && !damage) {
    await app.register(backupSchedule, { dataDir: config.dataDir, health: storageHealth, options: config.backups, after: serving?.laterIntegrity })
  }
  await app.register(v1Routes, { prefix: '/v1' })
  await app.register(unifiedMessagingRoutes, { prefix: '/api/unified-messaging-service' })
  await app.register(textCallRoutes, { prefix: '/api/onsite-account' })
  await app.register(interactiveRoutes, { prefix: '/API/V40/Interactive/Messages' })
  await app.register(thirdPartyRoutes, { prefix: '/3rd' })
  await serveRenderer(app, config.rendererDir)

  // The check's time budget ran while the API was built: only what is left of it is waited for.
  if (serving?.laterIntegrity) {
    const budgetMs = config.integrityCheckBudgetMs ?? INTEGRITY_CHECK_BUDGET_MS
    const report = await withinMs(serving.laterIntegrity, budgetMs - (performance.now() - checkStarted))
    if (report && !report.ok) storageHealth.markDamaged({ problems: report.problems, restoreHint: serving.restoreHint() })
  }
  if (!storageHealth.damaged) ensureDefaultProperty(store, { name: 'My hotel', defaultCountry: config.defaultCountry ?? 'US', timeZone: 'UTC' })
  return app
}

/**
 * `promise`'s value if it settles within `ms`, else undefined (it goes on). The event loop turns at
 * least once: a worker's answer that came while this thread was busy counts.
 */
async function withinMs<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | NodeJS.Immediate | undefined
  try {
    return await Promise.race([
      promise,
      new Promise<undefined>((resolve) => (timer = ms > 0 ? setTimeout(() => resolve(undefined), ms) : setImmediate(() => resolve(undefined)))),
    ])
  } finally {
    clearTimeout(timer as NodeJS.Timeout)
    clearImmediate(timer as NodeJS.Immediate)
  }
}

export type App = Awaited<ReturnType<typeof buildServer>>
