import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Ajv } from 'ajv'
import Fastify from 'fastify'
import { compileOnFirstUse } from '../../sync-core/http/compile-on-first-use.js'

describe('schema compilers that compile on first use', () => {
  it("compile nothing up front, each schema once when first used, and keep ajv's errors in view", () => {
    const ajv = new Ajv({ allErrors: true })
    const compiled: object[] = []
    const compiler = compileOnFirstUse(({ schema }: { schema: object }) => {
      compiled.push(schema)
      return ajv.compile(schema)
    })
    const schema = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } }
    const validate = compiler({ schema })
    assert.equal(compiled.length, 0, 'nothing compiled before the first use')

    assert.equal(validate({ name: 'Sara' } as never), true)
    assert.equal(validate({} as never), false)
    assert.deepEqual(
      (validate as unknown as { errors: { keyword: string }[] }).errors.map((error) => error.keyword),
      ['required'],
    )
    assert.equal(validate({ name: 'Luca' } as never), true)
    assert.equal((validate as unknown as { errors: unknown }).errors, null, 'the errors of the latest call')
    assert.deepEqual(compiled, [schema], 'compiled once')
  })

  it('serve Fastify routes as the compilers they wrap would: the ready server has compiled none', async () => {
    const ajv = new Ajv({ coerceTypes: 'array' })
    let compilations = 0
    const app = Fastify()
    app.setValidatorCompiler(compileOnFirstUse(({ schema }: { schema: object }) => (compilations++, ajv.compile(schema))))
    for (const path of ['/a', '/b', '/c']) {
      app.get(path, { schema: { querystring: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] } } }, async (request) => request.query)
    }
    await app.ready()
    assert.equal(compilations, 0)
    const ok = await app.inject({ url: '/a?n=7' })
    assert.deepEqual(ok.json(), { n: 7 }, 'coerced by the wrapped validator')
    const refused = await app.inject({ url: '/a?n=seven' })
    assert.equal(refused.statusCode, 400)
    assert.match(refused.json().message, /querystring\/n must be integer/)
    assert.equal(compilations, 1, 'only the route used')
    await app.close()
  })
})
