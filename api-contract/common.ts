import { Type, type Static } from 'typebox'

/**
 * A string with something in it besides whitespace (NonBlankString and Name). The servers' validator
 * (sync-core/http/validation.ts) words a mismatch of this pattern "must not be blank"; the contract
 * imports nothing, so it states the pattern itself (test/api/blank-and-trimmed-strings.test.ts).
 */
export const NON_BLANK_PATTERN = '\\S'

export const IsoDateTime = Type.String({ format: 'date-time' })

/**
 * A string that must say something: at least one character that is not whitespace (message texts,
 * template bodies, knowledge entries); "" and "   " are both "must not be blank". Kept as written.
 */
export const NonBlankString = (maxLength: number, options: { description?: string } = {}) => Type.String({ maxLength, pattern: NON_BLANK_PATTERN, ...options })

/**
 * A name or a confirmation number: not blank, and its leading and trailing whitespace is removed
 * before it is stored (`x-trim`, applied by the desk's validator).
 */
export const Name = (maxLength: number, options: { description?: string } = {}) =>
  Type.String({ maxLength, pattern: NON_BLANK_PATTERN, 'x-trim': true, ...options })
export const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String(), index: Type.Optional(Type.Integer()) }))),
  },
  { description: 'RFC 9457 problem details' },
)
/** RFC 9457 problem details: every /v1 error body. */
export type Problem = Static<typeof ProblemSchema>
