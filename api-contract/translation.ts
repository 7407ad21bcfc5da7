import { Type, type Static } from 'typebox'

export const TRANSLATION_PROVIDER_KINDS = ['libretranslate', 'deepl', 'llm'] as const

/**
 * GET /v1/settings/translation: the property's translation provider, or null (nothing is sent
 * anywhere: guest languages are still told, offline). The API key is never shown.
 */
export const TranslationProviderSchema = Type.Union([
  Type.Object({
    propertyId: Type.String(),
    kind: Type.Enum([...TRANSLATION_PROVIDER_KINDS], {
      description:
        "libretranslate: a LibreTranslate-compatible endpoint (self-hostable); deepl: DeepL's API; llm: the desk's LLM provider (Settings › AI agent).",
    }),
    url: Type.Union([Type.String(), Type.Null()], { description: "The endpoint's address (null for llm)." }),
    hasApiKey: Type.Boolean(),
  }),
  Type.Null(),
])
export type TranslationProviderView = NonNullable<Static<typeof TranslationProviderSchema>>

/** PUT /v1/settings/translation */
export const TranslationProviderBody = Type.Object(
  {
    propertyId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    kind: Type.Enum([...TRANSLATION_PROVIDER_KINDS]),
    url: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 500,
        description: 'libretranslate: e.g. http://127.0.0.1:5000; deepl: https://api-free.deepl.com (the default) or https://api.deepl.com.',
      }),
    ),
    apiKey: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()], { description: 'Required by DeepL; kept when left out.' })),
  },
  { additionalProperties: false },
)
export type TranslationProviderSettings = Static<typeof TranslationProviderBody>

const LanguageCode = Type.String({
  pattern: '^[a-z]{2,3}(-[A-Za-z]{2,4})?$',
  description: "An ISO 639-1 code ('it'), or with a script or region ('zh-Hant', 'pt-BR').",
})

/** POST /v1/translate: a text staff wrote, translated for the guest before it is sent (shown for review first). */
export const TranslateBody = Type.Object(
  {
    conversationId: Type.String({ minLength: 1, maxLength: 100, description: "The conversation it is for: its property's provider translates." }),
    text: Type.String({ minLength: 1, maxLength: 5000 }),
    to: LanguageCode,
    from: Type.Optional(LanguageCode),
  },
  { additionalProperties: false },
)
export const TranslationSchema = Type.Object({ text: Type.String(), from: Type.Union([Type.String(), Type.Null()]), to: Type.String() })
export type Translation = Static<typeof TranslationSchema>

/** GET /v1/conversations/:id/translations?to=de[&before=messageId]: the guest's messages in the reader's language, 100 at a time. */
export const MessageTranslationsSchema = Type.Object({
  to: Type.String(),
  available: Type.Boolean({ description: "Whether the conversation's property has a translation provider (a reply can be translated too)." }),
  items: Type.Array(Type.Object({ messageId: Type.String(), from: Type.String(), text: Type.String() })),
  pending: Type.Integer({ description: 'Messages being translated in the background: each arrives as a message.updated event.' }),
  failed: Type.Integer({ description: 'Messages the provider could not translate (they stay as written); asked again on a later read.' }),
  nextBefore: Type.Union([Type.String(), Type.Null()], {
    description: 'Ask again with before=this for the next 100 older guest messages; null: none older is in another language than `to`.',
  }),
})
export type MessageTranslations = Static<typeof MessageTranslationsSchema>
