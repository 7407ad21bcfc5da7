import { randomFillSync } from 'node:crypto'
import { monotonicFactory } from 'ulid'

/** Every id prefix the product hands out; ids are opaque, prefixed and sortable by creation time. */
export type IdPrefix =
  | 'conv'
  | 'msg'
  | 'gst'
  | 'res'
  | 'agt'
  | 'tpl'
  | 'prop'
  | 'chn'
  | 'tok'
  | 'op'
  | 'lead'
  | 'oc'
  | 'out'
  | 'cf'
  | 'att'
  | 'ntf'
  | 'evt'
  | 'kb'
  | 'lead'
  | 'gmg'
  | 'sug'
  | 'gap'

// ulid's default PRNG asks the OS for one byte per character; drawing them from a pooled buffer
// of the same cryptographic source makes ids several times cheaper on the message write path.
const pool = new Uint8Array(4096)
let poolIndex = pool.length
function pooledRandom(): number {
  if (poolIndex === pool.length) {
    randomFillSync(pool)
    poolIndex = 0
  }
  return pool[poolIndex++]! / 256
}

const nextUlid = monotonicFactory(pooledRandom)

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${nextUlid()}`
}

export function hasPrefix(id: string, prefix: IdPrefix): boolean {
  return id.startsWith(`${prefix}_`) && id.length > prefix.length + 1
}
