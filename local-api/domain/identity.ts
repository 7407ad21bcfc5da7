import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max'

/** A phone number or an email address: what guests give, normalised before it is stored. */
export type ContactKind = 'phone' | 'email'
/** Every identity a conversation can be keyed by: contacts, and identities a source issues itself. */
export type IdentityKind = ContactKind | 'onsite_contact' | 'guest_app'

export type NormalizeResult = { ok: true; value: string } | { ok: false; reason: string }

export function isCountryCode(country: string): country is CountryCode {
  return isSupportedCountry(country)
}

/**
 * Phone numbers are kept in E.164. International input (`+…` or `00…`) must be a valid number.
 * Other input is read in the property's default country when it is written the way that country
 * writes its numbers (`079 123 45 67` in CH, `(201) 555-0123` in the US); otherwise a leading
 * country code without `+` is tried (`886911425977`); a national number missing its trunk prefix
 * (`791234567` in CH) is the last reading accepted.
 */
export function normalizePhone(input: string, defaultCountry: string): NormalizeResult {
  const raw = input.trim()
  if (raw === '') return { ok: false, reason: 'phone number is empty' }
  if (!/^\+?[0-9 ()./-]+$/.test(raw)) return { ok: false, reason: `"${input}" is not a phone number` }
  const digits = raw.replace(/[^0-9]/g, '')
  if (digits.length < 4 || digits.length > 17) {
    return { ok: false, reason: `"${input}" has ${digits.length} digits; a phone number has 4 to 15` }
  }

  if (raw.startsWith('+') || digits.startsWith('00')) {
    const international = valid(`+${raw.startsWith('+') ? digits : digits.slice(2)}`)
    return international ? { ok: true, value: international.number } : { ok: false, reason: `"${input}" is not a valid international phone number` }
  }

  const country = isCountryCode(defaultCountry) ? defaultCountry : undefined
  const national = country ? valid(raw, country) : undefined
  if (national && national.formatNational().replace(/\D/g, '') === digits) return { ok: true, value: national.number }
  const withCountryCode = valid(`+${digits}`)
  if (withCountryCode) return { ok: true, value: withCountryCode.number }
  if (national) return { ok: true, value: national.number }
  return {
    ok: false,
    reason: `"${input}" is not a valid phone number${country ? ` for ${country}` : ''} nor an international one`,
  }
}

function valid(text: string, country?: CountryCode): PhoneNumber | undefined {
  const parsed = parsePhoneNumberFromString(text, country)
  return parsed && parsed.isValid() ? parsed : undefined
}

// Deliberately pragmatic: one @, a dot in the domain, no spaces, the lengths RFC 5321 allows.
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/

export function normalizeEmail(input: string): NormalizeResult {
  const value = input.trim().toLowerCase()
  if (value.length > 254 || !EMAIL.test(value)) {
    return { ok: false, reason: `"${input}" is not a valid email address` }
  }
  return { ok: true, value }
}

export function normalizeIdentity(kind: IdentityKind, input: string, defaultCountry: string): NormalizeResult {
  if (kind === 'phone') return normalizePhone(input, defaultCountry)
  if (kind === 'email') return normalizeEmail(input)
  // Issued by our own dialects (oc_…, res_…:OUTLET): already exact.
  return input === '' ? { ok: false, reason: `${kind} identity is empty` } : { ok: true, value: input }
}
