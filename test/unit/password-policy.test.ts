import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { MIN_PASSWORD_LENGTH, MIN_PASSWORD_SCORE, passwordProblem } from '../../local-api/domain/password-policy.js'

const SARA = { name: 'Sara Brunner', email: 'frontoffice@hotel-lago.ch' }

describe('the password policy', () => {
  it('asks for at least ten characters and zxcvbn score 3', () => {
    assert.equal(MIN_PASSWORD_LENGTH, 10)
    assert.equal(MIN_PASSWORD_SCORE, 3)
  })

  const weak: [string, RegExp][] = [
    ['12345678', /at least 10 characters/],
    ['password', /at least 10 characters/],
    ['        ', /only spaces/],
    ['            \t ', /only spaces/],
    ['1234567890', /too easy to guess: .*(common|used)/i],
    ['password12', /too easy to guess/],
    ['Password1!', /too easy to guess/],
    ['qwertyuiop', /too easy to guess/],
    ['aaaaaaaaaaaa', /too easy to guess: .*repeated/i],
    ['abcdefghijk', /too easy to guess/],
    ['iloveyou2026', /too easy to guess/],
    ['frontoffice1', /must not contain your email address/],
    ['Front.Office 2026', /must not contain your email address/],
    ['SaraBrunner2026!', /must not contain your name/],
    ['my Sara Brunner pass', /must not contain your name/],
    ['frontoffice@hotel-lago.ch', /must not contain your email address/],
    ['sara.brunner1', /must not contain your name/],
  ]
  for (const [password, problem] of weak) {
    it(`refuses ${JSON.stringify(password)}`, () => {
      assert.match(passwordProblem(password, SARA) ?? '(accepted)', problem)
    })
  }

  it('gives advice a person can act on', () => {
    assert.match(passwordProblem('1234567890', SARA)!, /add more words that are less common/i)
  })

  const strong = [
    'lakeside view 1',
    'night shift 2026',
    'front desk 2026',
    'correct horse battery',
    'two desks one view',
    'sakura season',
    'quiet lake morning 7',
    'Tr0ub4dor&3-lago',
    'k9#Vt2!qLw8z',
  ]
  for (const password of strong) {
    it(`accepts ${JSON.stringify(password)}`, () => {
      assert.equal(passwordProblem(password, SARA), undefined)
    })
  }

  it('takes a moment, not a second, even for a long password', () => {
    const started = performance.now()
    passwordProblem('x'.repeat(200) + 'ab12'.repeat(200), SARA)
    passwordProblem('correct horse battery staple '.repeat(30), SARA)
    passwordProblem('p@$$w0rd'.repeat(8), SARA)
    passwordProblem('ab12'.repeat(64), SARA)
    assert.ok(performance.now() - started < 2000)
  })
})
