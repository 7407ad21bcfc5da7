import { Ajv, type Options } from 'ajv'
import formats from 'ajv-formats'
import type { FastifyInstance } from 'fastify'
import { compileOnFirstUse } from './compile-on-first-use.js'

// ajv-formats is CommonJS; under Node's ESM interop its plugin is the `default` property.
const addFormats = formats.default

const shared: Options = { allErrors: true, useDefaults: true, strict: false, removeAdditional: false }

/** A string with something in it besides whitespace (NonBlankString and Name in routes/v1/schemas.ts). */
export const NON_BLANK_PATTERN = '\\S'

/**
 * ajv-formats compares date-times through `new Date(…).valueOf()` and takes 0 for "cannot compare",
 * so 1970-01-01T00:00:00Z would slip past `formatMinimum`. Same validation, an exact comparison.
 */
function compareInstants(a: string, b: string): number | undefined {
  const [first, second] = [Date.parse(a), Date.parse(b)]
  return Number.isNaN(first) || Number.isNaN(second) ? undefined : first - second
}

function addFormatsWithExactDateTime(ajv: Ajv): Ajv {
  addFormats(ajv)
  const dateTime = formats.default.get('date-time') as { validate: (value: string) => boolean }
  ajv.addFormat('date-time', { type: 'string', validate: dateTime.validate, compare: compareInstants })
  return ajv
}

/**
 * `x-trim: true` on a string schema: the value is stored without its leading and trailing
 * whitespace (names, confirmation numbers). Runs while the body is validated, so handlers see it trimmed.
 */
function addTrimKeyword(ajv: Ajv): Ajv {
  ajv.addKeyword({
    keyword: 'x-trim',
    type: 'string',
    schemaType: 'boolean',
    modifying: true,
    errors: false,
    validate: (trim: boolean, data: string, _schema?: unknown, context?: { parentData?: unknown; parentDataProperty?: string | number }) => {
      if (trim && context?.parentData !== undefined && context.parentData !== null && typeof context.parentData === 'object') {
        ;(context.parentData as Record<string | number, unknown>)[context.parentDataProperty!] = data.trim()
      }
      return true
    },
  })
  return ajv
}

/**
 * Bodies are validated strictly (no type coercion: `"12"` is not a number and gets a 400);
 * query strings, params and headers are text on the wire and are coerced to their schema's types.
 */
export function installValidators(app: FastifyInstance): void {
  const bodyAjv = addTrimKeyword(addFormatsWithExactDateTime(new Ajv({ ...shared, coerceTypes: false })))
  const textAjv = addTrimKeyword(addFormatsWithExactDateTime(new Ajv({ ...shared, coerceTypes: 'array' })))
  app.setValidatorCompiler(
    compileOnFirstUse(({ schema, httpPart }: { schema: object; httpPart?: string }) =>
      httpPart === 'body' ? bodyAjv.compile(schema) : textAjv.compile(schema),
    ),
  )
}

export interface FieldError {
  field: string
  message: string
}

interface AjvLikeError {
  instancePath: string
  keyword: string
  message?: string
  params: Record<string, unknown>
}

/** Turns ajv's errors into `{ field, message }` with the field as a dotted path. */
export function describeValidationErrors(errors: readonly AjvLikeError[], part?: string): FieldError[] {
  return errors.map((error) => {
    const segments = error.instancePath.split('/').filter(Boolean)
    if (error.keyword === 'required' && typeof error.params.missingProperty === 'string') {
      segments.push(error.params.missingProperty)
    }
    if (error.keyword === 'additionalProperties' && typeof error.params.additionalProperty === 'string') {
      segments.push(error.params.additionalProperty)
    }
    const field = segments.join('.') || part || 'body'
    let message = error.message ?? 'is invalid'
    if (error.keyword === 'required') message = 'is required'
    if (error.keyword === 'additionalProperties') message = 'is not a known field'
    if (error.keyword === 'pattern' && error.params.pattern === NON_BLANK_PATTERN) message = 'must not be blank'
    if (error.keyword === 'formatMinimum' && typeof error.params.limit === 'string') message = `must not be before ${error.params.limit}`
    if (error.keyword === 'enum' && Array.isArray(error.params.allowedValues)) {
      message = `must be one of ${error.params.allowedValues.join(', ')}`
    }
    return { field, message }
  })
}
