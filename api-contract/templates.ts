import { Type, type Static } from 'typebox'
import { ChannelSchema } from './channels.js'
import { IsoDateTime, Name, NonBlankString } from './common.js'

const Approval = Type.Enum(['pending', 'approved', 'rejected'], {
  description: "WhatsApp's approval; only approved templates may be sent after the 24 h window.",
})

export const TemplateSchema = Type.Object({
  id: Type.String(),
  propertyId: Type.String(),
  name: Type.String(),
  shortcut: Type.String(),
  body: Type.String(),
  variables: Type.Array(Type.String(), { description: 'The variables the body uses, e.g. guest.firstName.' }),
  language: Type.String(),
  channel: Type.Union([ChannelSchema, Type.Null()]),
  approval: Type.Union([Approval, Type.Null()]),
  updatedAt: IsoDateTime,
})
export type Template = Static<typeof TemplateSchema>

const Fields = {
  name: Name(100),
  shortcut: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9_-]+$', description: 'Typed after / in the composer.' }),
  body: NonBlankString(5000),
  language: Type.String({ minLength: 2, maxLength: 35 }),
  channel: Type.Union([ChannelSchema, Type.Null()]),
  approval: Type.Union([Approval, Type.Null()]),
}

/** POST /v1/templates */
export const NewTemplateBody = Type.Object(
  {
    propertyId: Type.Optional(Type.String({ maxLength: 100 })),
    name: Fields.name,
    shortcut: Fields.shortcut,
    body: Fields.body,
    language: Type.Optional(Fields.language),
    channel: Type.Optional(Fields.channel),
    approval: Type.Optional(Fields.approval),
  },
  { additionalProperties: false },
)
export type NewTemplate = Static<typeof NewTemplateBody>

/** PATCH /v1/templates/:id */
export const TemplateChangesBody = Type.Object(
  {
    name: Type.Optional(Fields.name),
    shortcut: Type.Optional(Fields.shortcut),
    body: Type.Optional(Fields.body),
    language: Type.Optional(Fields.language),
    channel: Type.Optional(Fields.channel),
    approval: Type.Optional(Fields.approval),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type TemplateChanges = Static<typeof TemplateChangesBody>

/** GET /v1/conversations/:id/templates/:templateId: a template filled in for one conversation. */
export const FilledTemplateSchema = Type.Object({
  text: Type.String(),
  missing: Type.Array(Type.String({ description: 'Variables without a value here, left out.' })),
})
export type FilledTemplate = Static<typeof FilledTemplateSchema>
