import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { guestSearchText, guestSearchQuery } from '../../local-api/db/conversations.js'
import { foldForSearch, searchForms } from '../../local-api/domain/search-folding.js'

describe('search folding', () => {
  it('lower-cases and removes diacritics, also from letters NFD keeps whole', () => {
    assert.equal(foldForSearch('Schäfer'), 'schafer')
    assert.equal(foldForSearch('José Núñez'), 'jose nunez')
    assert.equal(foldForSearch('Łukasz Øvergård'), 'lukasz overgard')
    assert.equal(foldForSearch('Straße'), 'strasse')
    assert.equal(foldForSearch('Zoë Ærø'), 'zoe aero')
    assert.equal(foldForSearch('李 Wei'), '李 wei')
  })

  it('keeps a name also with its umlauts spelled out, as Germans type them without the keys', () => {
    assert.deepEqual(searchForms('Jürgen Schäfer'), ['jurgen schafer', 'juergen schaefer'])
    assert.deepEqual(searchForms('Anna Muster'), ['anna muster'])
  })

  it('makes the search text of a name, the identity and every contact of the profile, once each', () => {
    assert.equal(
      guestSearchText('Jürgen Schäfer', { kind: 'phone', value: '+41791110001' }, [
        { kind: 'phone', value: '+41791110001' },
        { kind: 'email', value: 'J.Schafer@Example.de' },
      ]),
      'jurgen schafer juergen schaefer +41791110001 41791110001 j.schafer@example.de',
    )
    assert.equal(guestSearchText(null, { kind: 'onsite_contact', value: 'chn_1:WEB-7' }), 'chn_1:web-7')
  })

  it('folds the query the same way', () => {
    assert.equal(guestSearchQuery('SCHÄFER'), '"schafer"')
    assert.equal(guestSearchQuery('Jürgen Schäfer'), '"jurgen" AND "schafer"')
  })
})
