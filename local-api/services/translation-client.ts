/**
 * Translation providers over HTTP, each in its own request shape: a LibreTranslate-compatible
 * endpoint (self-hostable), DeepL's API, or the desk's OpenAI-compatible LLM. Each call throws on any
 * failure (network, status, shape, timeout): the caller keeps the original text.
 */
import type { LlmProvider } from './llm-client.js'

export type TranslationProvider =
  { kind: 'libretranslate'; url: string; apiKey: string | null } | { kind: 'deepl'; url: string; apiKey: string | null } | { kind: 'llm'; llm: LlmProvider }

export interface TranslationRequest {
  texts: string[]
  /** The texts' language (ISO 639-1), or null: the provider tells. */
  from: string | null
  to: string
}

const TIMEOUT_MS = 15_000
export const DEEPL_DEFAULT_URL = 'https://api-free.deepl.com'

/** The texts translated, in their order. */
export async function translateWith(provider: TranslationProvider, request: TranslationRequest, timeoutMs = TIMEOUT_MS): Promise<string[]> {
  if (request.texts.length === 0) return []
  const texts =
    provider.kind === 'libretranslate'
      ? await libreTranslate(provider, request, timeoutMs)
      : provider.kind === 'deepl'
        ? await deepl(provider, request, timeoutMs)
        : await Promise.all(request.texts.map((text) => llmTranslate(provider.llm, text, request, timeoutMs)))
  if (texts.length !== request.texts.length || texts.some((text) => typeof text !== 'string' || text.trim() === '')) {
    throw new Error('the translation provider sent no translation for some texts')
  }
  return texts
}

const base = (url: string) => url.replace(/\/+$/, '')

async function postJson(url: string, body: unknown, headers: Record<string, string>, timeoutMs: number): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  })
  if (!response.ok) throw new Error(`the translation provider answered ${response.status}`)
  return response.json()
}

/** LibreTranslate: POST /translate {q, source, target, format, api_key} → {translatedText} (an array for an array of q). */
async function libreTranslate(provider: { url: string; apiKey: string | null }, request: TranslationRequest, timeoutMs: number): Promise<string[]> {
  const body = (await postJson(
    `${base(provider.url)}/translate`,
    {
      q: request.texts,
      source: request.from ? libreCode(request.from) : 'auto',
      target: libreCode(request.to),
      format: 'text',
      ...(provider.apiKey ? { api_key: provider.apiKey } : {}),
    },
    {},
    timeoutMs,
  )) as { translatedText?: unknown }
  const translated = body.translatedText
  return (Array.isArray(translated) ? translated : [translated]) as string[]
}

/** LibreTranslate names Traditional Chinese zt and Simplified zh. */
const libreCode = (language: string) => (language === 'zh-Hant' ? 'zt' : language.split('-')[0]!)

/** DeepL: POST /v2/translate {text: [...], target_lang, source_lang?}, key in the Authorization header → {translations: [{text}]}. */
async function deepl(provider: { url: string; apiKey: string | null }, request: TranslationRequest, timeoutMs: number): Promise<string[]> {
  const body = (await postJson(
    `${base(provider.url)}/v2/translate`,
    { text: request.texts, target_lang: deeplTarget(request.to), ...(request.from ? { source_lang: request.from.split('-')[0]!.toUpperCase() } : {}) },
    provider.apiKey ? { authorization: `DeepL-Auth-Key ${provider.apiKey}` } : {},
    timeoutMs,
  )) as { translations?: { text?: unknown }[] }
  return (body.translations ?? []).map((translation) => translation.text) as string[]
}

/** DeepL's target codes: English and Portuguese by variant, Chinese by script. */
function deeplTarget(language: string): string {
  const [code, variant] = language.split('-') as [string, string | undefined]
  if (code === 'en') return 'EN-GB'
  if (code === 'pt') return variant?.toUpperCase() === 'BR' ? 'PT-BR' : 'PT-PT'
  if (code === 'zh') return variant === 'Hant' ? 'ZH-HANT' : 'ZH-HANS'
  return code.toUpperCase()
}

/** The LLM: one chat completion per text, told to answer with the translation alone. */
async function llmTranslate(llm: LlmProvider, text: string, request: TranslationRequest, timeoutMs: number): Promise<string> {
  const system = [
    `Translate the user's message ${request.from ? `from ${languageName(request.from)} ` : ''}into ${languageName(request.to)}.`,
    'It is a message between a hotel guest and the front desk. Keep its meaning, tone, names, numbers and dates exactly.',
    'Reply with the translation only: no quotes, no notes, no other text.',
  ].join('\n')
  const body = (await postJson(
    `${base(llm.baseUrl)}/chat/completions`,
    {
      model: llm.model,
      temperature: 0,
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: text },
      ],
    },
    llm.apiKey ? { authorization: `Bearer ${llm.apiKey}` } : {},
    timeoutMs,
  )) as { choices?: { message?: { content?: unknown } }[] }
  const content = body.choices?.[0]?.message?.content
  if (typeof content !== 'string') throw new Error('the LLM provider sent no translation')
  return content.trim()
}

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}
