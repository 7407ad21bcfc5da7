import type { Db } from './open.js'

/** Desk-wide settings, each a JSON value under a key. */
export function settingsRepository(db: Db) {
  const get = db.prepare('SELECT value FROM settings WHERE key = ?')
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
  const remove = db.prepare('DELETE FROM settings WHERE key = ?')
  return {
    get<T>(key: string): T | undefined {
      const row = get.get(key) as { value: string } | undefined
      return row ? (JSON.parse(row.value) as T) : undefined
    },
    put(key: string, value: unknown): void {
      put.run(key, JSON.stringify(value))
    },
    remove(key: string): void {
      remove.run(key)
    },
  }
}
