import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { SetupBody, SetupResultSchema, SetupStatusSchema } from '../../../api-contract/index.js'
import { HttpError, invalidInput } from '../../../sync-core/http/http-error.js'
import { updateProperty } from '../../services/properties.js'
import { loadSampleData } from '../../services/sample-data.js'
import { problemResponses } from './schemas.js'
import { signIn } from './session.js'
import { agentView } from './views.js'

/** First run: a new data dir has no agent; setup names the property and creates the first admin. */
export const setupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const needsSetup = () => app.store.agents.count() === 0

  app.get(
    '/setup',
    {
      schema: {
        tags: ['native'],
        summary: 'Whether this desk still needs its first-run setup',
        security: [],
        response: { 200: SetupStatusSchema },
      },
    },
    async () => {
      const { joining, progress } = app.sync.status()
      return { needsSetup: needsSetup() && !joining, joining, progress }
    },
  )

  app.post(
    '/setup',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['native'],
        summary: 'First-run setup: names the property, creates the first admin (signed in), optionally loads sample data',
        security: [],
        body: SetupBody,
        response: { 201: SetupResultSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      if (!needsSetup()) throw new HttpError(409, 'Conflict', 'this desk is already set up; sign in instead')
      if (app.sync.status().joining)
        throw new HttpError(409, 'Conflict', 'this desk is joining its central server; sign in with your account once it has synced')
      const { property: settings, admin, sampleData } = request.body
      const property = app.store.properties.first()
      if (!property) throw new HttpError(409, 'Conflict', 'no property exists to set up')
      try {
        updateProperty(app.store, property, settings, app.clock())
      } catch (error) {
        if (error instanceof RangeError) throw new HttpError(400, 'Bad Request', error.message)
        throw error
      }
      const created = await app.agents.create({ ...admin, role: 'admin' }, { onlyIfFirst: true })
      // Every problem in the detail ("admin.password is too easy to guess: …"): the setup screen shows it as it is.
      if (!created.ok) throw invalidInput(created.problems, (p) => `admin.${p.field}`)
      if (created.value === undefined) throw new HttpError(409, 'Conflict', 'this desk is already set up; sign in instead')
      let loaded = null
      if (sampleData) {
        // Replies in the sample conversations go to a local demo receiver, so they show Delivered.
        await app.demoWebhook.connect(property)
        loaded = loadSampleData(app.store, app, app.store.properties.get(property.id)!, app.clock(), { adminId: created.value.id })
      }
      signIn(app, reply, created.value)
      return reply.code(201).send({ agent: agentView(created.value), sampleData: loaded })
    },
  )
}
