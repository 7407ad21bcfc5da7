/**
 * Host names as the local API compares them: a `Host` header, an `Origin` or an allow-list entry is
 * parsed (strict syntax, then the WHATWG URL host parser: lower case, IDNA, canonical IPv4/IPv6),
 * never matched as raw text.
 */

/** The names this machine always answers to. */
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'] as const

/** Addresses that mean "every interface" when listening: not a name anyone reaches the desk by. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '[::]'])

// A host: a bracketed IPv6 literal or a DNS name / IPv4 address (no userinfo, path, spaces…).
const HOST_SYNTAX = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)$/
const PORT_SYNTAX = /^[0-9]{1,5}$/

/** A host name in canonical form (`localhost`, `127.0.0.1`, `[::1]`), or null when it is not one. */
export function canonicalHost(host: string): string | null {
  if (!HOST_SYNTAX.test(host)) return null
  try {
    const parsed = new URL(`http://${host}/`)
    return parsed.hostname === '' ? null : parsed.hostname
  } catch {
    return null
  }
}

/** A `Host` header split into its canonical host and its port (null when absent), or null when malformed. */
export function parseHostHeader(header: string | undefined): { host: string; port: number | null } | null {
  if (header === undefined || header === '') return null
  let host: string
  let port: string | undefined
  if (header.startsWith('[')) {
    const end = header.indexOf(']')
    if (end < 0) return null
    host = header.slice(0, end + 1)
    const rest = header.slice(end + 1)
    if (rest !== '') {
      if (!rest.startsWith(':')) return null
      port = rest.slice(1)
    }
  } else {
    const parts = header.split(':')
    if (parts.length > 2) return null
    host = parts[0]!
    port = parts[1]
  }
  if (port !== undefined && (!PORT_SYNTAX.test(port) || Number(port) > 65535)) return null
  const canonical = canonicalHost(host)
  return canonical === null ? null : { host: canonical, port: port === undefined ? null : Number(port) }
}

/**
 * An allow-list entry (`--allowed-host`, `--host`): a name or address without scheme or port; an
 * IPv6 address may come with or without brackets. Throws a RangeError that says what is wrong.
 */
export function allowedHostEntry(entry: string): string {
  const trimmed = entry.trim()
  const bracketed = trimmed.includes(':') && !trimmed.startsWith('[') ? `[${trimmed}]` : trimmed
  const canonical = canonicalHost(bracketed)
  if (canonical === null) {
    throw new RangeError(`"${entry}" is not a host name or address (give a name like desk.local or an address like 192.168.1.20, without scheme or port)`)
  }
  return canonical
}

/** Whether a listening address is a wildcard (every interface) rather than a name or address of its own. */
export function isWildcardHost(host: string): boolean {
  const canonical = canonicalHost(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host)
  return canonical === null || WILDCARD_HOSTS.has(canonical)
}

/**
 * A public base URL (`--public-url`): http(s), a host, an optional port, nothing else. Returns its
 * origin (`https://desk.example`, `http://192.168.1.20:4780`); throws a RangeError otherwise.
 */
export function publicBaseUrl(value: string): string {
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch {
    throw new RangeError(`"${value}" is not a URL (e.g. http://192.168.1.20:4780)`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new RangeError(`the public URL must start with http:// or https:// (got "${value}")`)
  if (parsed.username || parsed.password || parsed.search || parsed.hash || (parsed.pathname !== '/' && parsed.pathname !== '')) {
    throw new RangeError(`the public URL is the inbox's address alone, without path, query or credentials (got "${value}")`)
  }
  return parsed.origin
}
