import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { allowedHostEntry, canonicalHost, LOOPBACK_HOSTS, parseHostHeader, publicBaseUrl } from '../domain/host-names.js'
import { sendProblem } from '../../sync-core/http/problem-errors.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The names this desk answers to; Host headers and Origins are checked against them. */
    hostPolicy: HostPolicy
    /** The base URL of links the API builds (`--public-url`, else the address it listens on; 127.0.0.1 for a wildcard). */
    publicUrl(): string
  }
}

export interface HostPolicyOptions {
  /** Names or addresses beyond 127.0.0.1, localhost and [::1] (`--allowed-host`, `--host`). */
  allowedHosts?: readonly string[]
  /** `--public-url`; its host is allowed too. */
  publicUrl?: string
}

export interface HostPolicy {
  /** Canonical allowed host names. */
  readonly hosts: ReadonlySet<string>
  /** Whether a `Host` header names this desk (any port). A missing or malformed header does not. */
  hostAllowed(header: string | undefined): boolean
  /** Whether an `Origin` is this desk's own inbox: http, an allowed host, the port it listens on (or the public URL). */
  originAllowed(origin: string): boolean
}

/** The port the server listens on, once it does (app.inject never listens: undefined). */
function listeningPort(app: FastifyInstance): number | undefined {
  const address = app.server.address()
  return typeof address === 'object' && address !== null ? address.port : undefined
}

/** The address the server listens on as a URL host: a wildcard listen is reached over loopback. */
function listeningHost(app: FastifyInstance): string {
  const address = app.server.address()
  if (typeof address !== 'object' || address === null) return '127.0.0.1'
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const canonical = canonicalHost(host)
  return canonical === null || canonical === '0.0.0.0' || canonical === '[::]' ? '127.0.0.1' : canonical
}

export function createHostPolicy(app: FastifyInstance, options: HostPolicyOptions): HostPolicy {
  const publicOrigin = options.publicUrl === undefined ? undefined : publicBaseUrl(options.publicUrl)
  const hosts = new Set<string>(LOOPBACK_HOSTS)
  for (const entry of options.allowedHosts ?? []) hosts.add(allowedHostEntry(entry))
  if (publicOrigin) hosts.add(new URL(publicOrigin).hostname)

  return {
    hosts,
    hostAllowed(header) {
      const parsed = parseHostHeader(header)
      return parsed !== null && hosts.has(parsed.host)
    },
    originAllowed(origin) {
      if (publicOrigin !== undefined && origin === publicOrigin) return true
      let parsed: URL
      try {
        parsed = new URL(origin)
      } catch {
        return false // `null` (sandboxed frames, file://) and anything unparsable
      }
      if (parsed.protocol !== 'http:' || parsed.origin !== origin) return false
      const port = listeningPort(app)
      const originPort = Number(parsed.port || 80)
      return hosts.has(parsed.hostname) && (port === undefined || originPort === port)
    },
  }
}

/**
 * DNS rebinding guard: before anything else runs (setup, session, every /v1 and dialect route,
 * /docs, the inbox's files, unknown URLs), a request whose Host is not one of this desk's names is
 * answered 421 Misdirected Request. A web page on another site that rebinds its name to 127.0.0.1
 * still sends its own name as Host, so it never reaches a handler.
 */
export const hostPolicy = fp<HostPolicyOptions>(
  async (app, options) => {
    const policy = createHostPolicy(app, options)
    const configuredPublicUrl = options.publicUrl === undefined ? undefined : publicBaseUrl(options.publicUrl)
    app.decorate('hostPolicy', policy)
    app.decorate('publicUrl', () => {
      if (configuredPublicUrl !== undefined) return configuredPublicUrl
      const port = listeningPort(app)
      return `http://${listeningHost(app)}${port === undefined || port === 80 ? '' : `:${port}`}`
    })

    app.addHook('onRequest', async (request: FastifyRequest, reply) => {
      if (policy.hostAllowed(request.headers.host)) return
      const host = request.headers.host
      sendProblem(reply, request, {
        status: 421,
        title: 'Misdirected Request',
        detail:
          host === undefined
            ? 'the request has no Host header; this desk answers only requests addressed to it'
            : `this desk does not answer to the host "${host.slice(0, 200)}"; start it with --allowed-host NAME to reach it by that name`,
      })
      return reply
    })
  },
  { name: 'host-policy' },
)
