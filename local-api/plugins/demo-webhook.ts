import { randomBytes } from 'node:crypto'
import fp from 'fastify-plugin'
import type { Property } from '../db/properties.js'
import { DEMO_WEBHOOK_PATH, startDemoWebhookReceiver, type DemoWebhookReceiver } from '../services/demo-webhook-receiver.js'

declare module 'fastify' {
  interface FastifyInstance {
    demoWebhook: DemoWebhook
  }
}

export interface DemoWebhook {
  /**
   * Starts the receiver and gives the property a web-chat channel account whose webhook it is, so
   * replies in the sample conversations are delivered. Returns the account's id.
   */
  connect(property: Property): Promise<string>
  /** Deliveries acknowledged since the receiver started (0 when it is not running). */
  received(): number
}

const SETTING = 'demo-webhook-receiver'
interface DemoWebhookSetting {
  channelAccountId: string
  port: number
  secret: string
}

/**
 * The sample data's local webhook receiver (services/demo-webhook-receiver.ts). Set up with the sample
 * data at first run; started again each time the desk listens, on the same port if it is free (else
 * another, and the account's webhook follows), for as long as the account still points at it.
 */
export const demoWebhook = fp(
  async (app) => {
    let running: DemoWebhookReceiver | undefined

    async function resume(setting: DemoWebhookSetting): Promise<void> {
      const account = app.store.channelAccounts.get(setting.channelAccountId)
      // An admin pointed the account at a real backend: the demo is over.
      const stillDemo = account?.webhookUrl?.startsWith('http://127.0.0.1:') && account.webhookUrl.endsWith(DEMO_WEBHOOK_PATH)
      if (!account || !stillDemo) return
      running = await startDemoWebhookReceiver({ secret: setting.secret, port: setting.port }).catch(() => startDemoWebhookReceiver({ secret: setting.secret }))
      if (running.url !== account.webhookUrl) {
        app.channelAccounts.update(account, { webhookUrl: running.url })
        app.store.settings.put(SETTING, { ...setting, port: running.port })
      }
    }

    app.decorate<DemoWebhook>('demoWebhook', {
      async connect(property) {
        const secret = randomBytes(24).toString('base64url')
        await running?.close()
        running = await startDemoWebhookReceiver({ secret })
        const created = app.channelAccounts.create({
          propertyId: property.id,
          channel: 'web_chat',
          code: 'website',
          name: 'Website chat',
          webhookUrl: running.url,
          webhookSecret: secret,
        })
        if (!created.ok) throw new Error(`the sample channel account was refused: ${JSON.stringify(created.problems)}`)
        app.store.settings.put(SETTING, { channelAccountId: created.value.id, port: running.port, secret } satisfies DemoWebhookSetting)
        return created.value.id
      },
      received: () => running?.received() ?? 0,
    })

    app.addHook('onListen', async () => {
      const setting = app.store.settings.get<DemoWebhookSetting>(SETTING)
      if (setting && !running) await resume(setting).catch((error: unknown) => app.log.warn({ err: error }, 'the demo webhook receiver did not start'))
    })
    app.addHook('onClose', async () => {
      await running?.close()
      running = undefined
    })
  },
  { name: 'demo-webhook', dependencies: ['app-context'] },
)
