import { findPhoneNumbersInText, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max'
import { normalizeEmail } from '../identity.js'

export interface CapturedContacts {
  emails: string[]
  /** E.164. */
  phones: string[]
  /** The name the guest gave ("my name is Anna Muster"), if any. */
  name: { firstName: string; lastName: string | null } | null
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g

// "my name is …", "I'm …", "this is …", and the same in German, French, Italian, Spanish, Dutch, Portuguese.
const NAME = new RegExp(
  String.raw`(?:my name is|my name's|i am|i'm|this is|ich heiße|ich bin|mein name ist|je m'appelle|je suis|mi chiamo|sono|me llamo|soy|mijn naam is|ik ben|meu nome é|chamo-me)\s+` +
    String.raw`(\p{Lu}[\p{L}'-]+)(?:\s+(\p{Lu}[\p{L}'-]+))?`,
  'iu',
)
// Words that follow "I am" without being names.
const NOT_NAMES = new Set([
  'interested',
  'looking',
  'coming',
  'arriving',
  'here',
  'writing',
  'travelling',
  'traveling',
  'not',
  'a',
  'an',
  'the',
  'very',
  'so',
  'happy',
  'sorry',
])

/** Email addresses, phone numbers (read in the property's country when written nationally) and a stated name. */
export function extractContacts(text: string, defaultCountry: string): CapturedContacts {
  const emails = [
    ...new Set(
      (text.match(EMAIL) ?? [])
        .map((raw) => normalizeEmail(raw))
        .filter((e) => e.ok)
        .map((e) => e.value),
    ),
  ]
  const country = isSupportedCountry(defaultCountry) ? (defaultCountry as CountryCode) : undefined
  const phones = [
    ...new Set(
      findPhoneNumbersInText(text, country ? { defaultCountry: country } : undefined)
        .filter((found) => found.number.isValid())
        .map((found) => found.number.number),
    ),
  ]
  const match = NAME.exec(text)
  const first = match?.[1]
  const name =
    first && !NOT_NAMES.has(first.toLowerCase()) && first[0] === first[0]!.toUpperCase()
      ? { firstName: first, lastName: match![2] && !NOT_NAMES.has(match![2].toLowerCase()) ? match![2] : null }
      : null
  return { emails, phones, name }
}
