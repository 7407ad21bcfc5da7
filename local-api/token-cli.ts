import { parseArgs } from 'node:util'
import { runCommand, UsageError } from '../sync-core/cli.js'
import type { ApiToken } from './db/api-tokens.js'
import { openStore } from './db/store.js'
import { listApiTokens, revokeApiToken } from './services/api-tokens.js'

export const TOKEN_USAGE = `  frontdesk token list --data-dir DIR
  frontdesk token revoke --data-dir DIR TOKEN_ID`

const when = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString().slice(0, 16).replace('T', ' '))

/** The tokens as a table with a header line: id, name, scopes, property, created, last used, revoked. */
export function tokenTable(tokens: readonly ApiToken[]): string {
  const rows = [
    ['ID', 'NAME', 'SCOPES', 'PROPERTY', 'CREATED', 'LAST USED', 'REVOKED'],
    ...tokens.map((token) => [
      token.id,
      token.name,
      token.scopes.join(','),
      token.propertyId ?? 'all',
      when(token.createdAt),
      token.lastUsedAt === null ? 'never' : when(token.lastUsedAt),
      when(token.revokedAt),
    ]),
  ]
  // Names are staff-written: no control characters reach the terminal.
  const cells = rows.map((row) => row.map((cell) => cell.replace(/[\p{Cc}]/gu, ' ')))
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((row) => [...row[column]!].length)))
  return (
    cells
      .map((row) =>
        row
          .map((cell, column) => cell + ' '.repeat(widths[column]! - [...cell].length))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  )
}

/**
 * `frontdesk token list|revoke`: what an admin on the desk's machine uses to see and withdraw API
 * tokens (the same as GET/DELETE /v1/tokens). Works while the desk runs: the next request with a
 * revoked token is refused. Returns the exit code.
 */
export async function tokenMain(args: string[]): Promise<number> {
  return runCommand(`usage:\n${TOKEN_USAGE}`, async () => {
    const [action, ...rest] = args
    const { values, positionals } = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' } }, allowPositionals: true, strict: true })
    const dataDir = values['data-dir']
    if (!dataDir) throw new UsageError('--data-dir is required')
    if (action === 'list') {
      if (positionals.length) throw new UsageError(`token list takes no argument (got ${positionals.join(' ')})`)
      const store = openStore(dataDir)
      try {
        process.stdout.write(tokenTable(listApiTokens(store)))
      } finally {
        store.close()
      }
      return 0
    }
    if (action === 'revoke') {
      const [id, ...extra] = positionals
      if (!id || extra.length) throw new UsageError('which token? frontdesk token revoke --data-dir DIR TOKEN_ID (ids: frontdesk token list)')
      const store = openStore(dataDir)
      try {
        const before = store.apiTokens.get(id)
        const token = revokeApiToken(store, id, Date.now())
        if (!token) {
          process.stderr.write(`frontdesk: no API token has the id ${id} (see frontdesk token list)\n`)
          return 1
        }
        process.stdout.write(
          before?.revokedAt ? `${id} was already revoked at ${new Date(before.revokedAt).toISOString()}\n` : `revoked ${id} (${token.name})\n`,
        )
      } finally {
        store.close()
      }
      return 0
    }
    throw new UsageError(`unknown token action "${action ?? ''}"`)
  })
}
