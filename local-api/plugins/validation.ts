import { Ajv, type Options } from 'ajv'
import formats from 'ajv-formats'
import type { FastifyInstance } from 'fastify'

// ajv-formats is CommonJS; under Node's ESM interop its plugin is the `default` property.
const addFormats = formats.default

const shared: Options = { allErrors: true, useDefaults: true, strict: false, removeAdditional: false }

/**
 * Bodies are validated strictly (no type coercion: `"12"` is not a number and gets a 400);
 * query strings, params and headers are text on the wire and are coerced to their schema's types.
 */
export function installValidators(app: FastifyInstance): void {
  const bodyAjv = addFormats(new Ajv({ ...shared, coerceTypes: false }))
  const textAjv = addFormats(new Ajv({ ...shared, coerceTypes: 'array' }))
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? bodyAjv.compile(schema) : textAjv.compile(schema),
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
    if (error.keyword === 'enum' && Array.isArray(error.params.allowedValues)) {
      message = `must be one of ${error.params.allowedValues.join(', ')}`
    }
    return { field, message }
  })
}
