// Every UI language has exactly English's keys (each plural in its own plural forms), every string
// filled in and keeping its English string's {{placeholders}}.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { en } from '../../renderer/i18n/en.js'
import { UI_LANGUAGES, messagesOf } from '../../renderer/i18n/languages.js'
import { expectedKeys, keysOf, placeholdersOf, type Messages } from '../../renderer/i18n/messages.js'

const valueAt = (messages: Messages, key: string): string | undefined => {
  let value: string | Messages | undefined = messages
  for (const part of key.split('.')) value = typeof value === 'object' ? value[part] : undefined
  return typeof value === 'string' ? value : undefined
}
const englishOf = (key: string) => valueAt(en, key) ?? valueAt(en, key.replace(/_(zero|two|few|many)$/, '_other'))!

describe('UI languages', () => {
  it('offers English and five more, each named in itself', () => {
    assert.deepEqual(
      UI_LANGUAGES.map((language) => language.code),
      ['en', 'de', 'fr', 'it', 'es', 'zh-Hant'],
    )
  })

  for (const { code } of UI_LANGUAGES.filter((language) => language.code !== 'en')) {
    describe(code, () => {
      it('has every key English has, in its own plural forms, and none English lacks', async () => {
        const messages = await messagesOf(code)
        const have = new Set(keysOf(messages))
        const want = expectedKeys(en, code)
        assert.deepEqual(
          want.filter((key) => !have.has(key)),
          [],
          `${code} misses these keys`,
        )
        assert.deepEqual(
          [...have].filter((key) => !want.includes(key)),
          [],
          `${code} has keys English does not`,
        )
      })

      it('fills in every string and keeps its placeholders', async () => {
        const messages = await messagesOf(code)
        const problems = keysOf(messages).flatMap((key) => {
          const text = valueAt(messages, key)!
          const english = englishOf(key)
          if (text.trim() === '' && english.trim() !== '') return [`${key} is empty`]
          const want = placeholdersOf(english).filter((name) => name !== 'count' || !key.endsWith('_one'))
          const have = placeholdersOf(text)
          const missing = want.filter((name) => !have.includes(name))
          const unknown = have.filter((name) => !placeholdersOf(english).includes(name) && name !== 'count')
          return [...missing.map((name) => `${key} lacks {{${name}}}`), ...unknown.map((name) => `${key} has an unknown {{${name}}}`)]
        })
        assert.deepEqual(problems, [])
      })
    })
  }
})
