import { monotonicFactory } from 'ulid'

/** Every id prefix the product hands out; ids are opaque, prefixed and sortable by creation time. */
export type IdPrefix = 'conv' | 'msg' | 'gst' | 'res' | 'agt' | 'tpl' | 'prop' | 'chn' | 'tok' | 'op'

const nextUlid = monotonicFactory()

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${nextUlid()}`
}

export function hasPrefix(id: string, prefix: IdPrefix): boolean {
  return id.startsWith(`${prefix}_`) && id.length > prefix.length + 1
}
