import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { normalizeEmail, normalizePhone } from '../../local-api/domain/identity.js'

const ok = (value: string) => ({ ok: true, value })

describe('phone numbers', () => {
  it('keeps a valid E.164 number as it is', () => {
    assert.deepEqual(normalizePhone('+41791234567', 'US'), ok('+41791234567'))
  })

  it('strips spaces, dashes and brackets from international input', () => {
    assert.deepEqual(normalizePhone('+41 (79) 123-45-67', 'US'), ok('+41791234567'))
  })

  it('reads 00 as the international prefix', () => {
    assert.deepEqual(normalizePhone('0041 79 123 45 67', 'US'), ok('+41791234567'))
  })

  it("reads a national number in the property's default country", () => {
    assert.deepEqual(normalizePhone('079 123 45 67', 'CH'), ok('+41791234567'))
    assert.deepEqual(normalizePhone('(201) 555-0123', 'US'), ok('+12015550123'))
  })

  it('accepts a country code without + when that is the only valid reading', () => {
    assert.deepEqual(normalizePhone('886911425977', 'CH'), ok('+886911425977'))
    assert.deepEqual(normalizePhone('41791234567', 'US'), ok('+41791234567'))
  })

  it('gives the same E.164 for every way of writing one number', () => {
    const inputs = ['+41791234567', '+41 79 123 45 67', '0041791234567', '079 123 45 67', '41791234567']
    const values = new Set(
      inputs.map((input) => {
        const result = normalizePhone(input, 'CH')
        assert.ok(result.ok, input)
        return result.value
      }),
    )
    assert.deepEqual([...values], ['+41791234567'])
  })

  it('rejects text, too few digits and invalid numbers with a reason', () => {
    for (const input of ['', 'call me', '12', '+999123456789', '+41 12', '123456789012345678']) {
      const result = normalizePhone(input, 'CH')
      assert.equal(result.ok, false, input)
      assert.ok(!result.ok && result.reason.length > 0)
    }
  })

  it('prefers the national reading when the number is written the way its country writes it', () => {
    // 2015550123 is also +20 1555 0123 (Egypt), but a US desk means New Jersey.
    assert.deepEqual(normalizePhone('2015550123', 'US'), ok('+12015550123'))
    // 3225551234 is also +32 2555 1234 (Belgium), but Italian mobiles are written like this.
    assert.deepEqual(normalizePhone('322 555 1234', 'IT'), ok('+393225551234'))
  })

  it('prefers the country-code reading when a national one would lack its trunk prefix', () => {
    // As a German national number this would be written 04915…; as +49 151 … it is a DE mobile.
    assert.deepEqual(normalizePhone('4915112345678', 'DE'), ok('+4915112345678'))
    assert.deepEqual(normalizePhone('886911425977', 'DE'), ok('+886911425977'))
  })

  it('accepts a national number without its trunk prefix when nothing else reads', () => {
    assert.deepEqual(normalizePhone('791234567', 'CH'), ok('+41791234567'))
  })
})

describe('email addresses', () => {
  it('trims and lower-cases', () => {
    assert.deepEqual(normalizeEmail('  Anna.Muster@Example.COM '), ok('anna.muster@example.com'))
  })

  it('rejects what is not an address', () => {
    for (const input of ['', 'anna', 'anna@', '@example.com', 'anna@example', 'an na@example.com', 'a@b@c.com']) {
      assert.equal(normalizeEmail(input).ok, false, input)
    }
  })
})
