import type { ChannelAccount } from '../db/channel-accounts.js'
import type { Store } from '../db/store.js'
import type { Channel } from '../domain/channels.js'
import { newId } from '../domain/ids.js'
import type { Outcome } from './problems.js'

export interface ChannelAccountInput {
  propertyId: string
  channel: Channel
  code: string
  name: string
  webhookUrl?: string | null
  webhookSecret?: string | null
}

/** Channel accounts ("onsite accounts"): one per channel source of a property, e.g. "Japan website". */
export function createChannelAccountService(store: Store, clock: () => number = Date.now) {
  function codeTaken(propertyId: string, code: string, exceptId?: string): boolean {
    return store.channelAccounts.byCode(code).some((account) => account.propertyId === propertyId && account.id !== exceptId)
  }

  return {
    create(input: ChannelAccountInput): Outcome<ChannelAccount> {
      if (!store.properties.get(input.propertyId)) return { ok: false, problems: [{ field: 'propertyId', message: 'names no property' }] }
      if (codeTaken(input.propertyId, input.code)) return { ok: false, problems: [{ field: 'code', message: 'is already used on this property' }] }
      const account: ChannelAccount = { id: newId('chn'), webhookUrl: null, webhookSecret: null, ...input, createdAt: clock() }
      store.transaction(() => {
        store.channelAccounts.insert(account)
        store.changeLog.append('channel_account', account.id, 'insert', { ...account, webhookSecret: undefined }, account.createdAt)
      })
      return { ok: true, value: account }
    },

    update(
      account: ChannelAccount,
      changes: Partial<Pick<ChannelAccount, 'channel' | 'code' | 'name' | 'webhookUrl' | 'webhookSecret'>>,
    ): Outcome<ChannelAccount> {
      const next = { ...account, ...changes }
      if (codeTaken(next.propertyId, next.code, next.id)) return { ok: false, problems: [{ field: 'code', message: 'is already used on this property' }] }
      store.transaction(() => {
        store.channelAccounts.update(next)
        store.changeLog.append('channel_account', next.id, 'update', { ...changes, webhookSecret: undefined }, clock())
      })
      return { ok: true, value: next }
    },

    /** An account by its id, or by its code (the text-call path names either). */
    find(idOrCode: string, propertyId?: string | null): ChannelAccount | undefined {
      const byId = store.channelAccounts.get(idOrCode)
      if (byId) return !propertyId || byId.propertyId === propertyId ? byId : undefined
      return store.channelAccounts.byCode(idOrCode).find((account) => !propertyId || account.propertyId === propertyId)
    },
  }
}

export type ChannelAccountService = ReturnType<typeof createChannelAccountService>
