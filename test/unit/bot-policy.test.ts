import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { asksAboutOwnStay } from '../../local-api/domain/bot-policy.js'

describe('a question about the guest’s own stay', () => {
  it('is one about their booking, dates or room number, in every language', () => {
    for (const text of [
      'what is my room number?',
      'when is my check-out?',
      'welche Zimmernummer habe ich',
      'wann ist meine Anreise?',
      "c'est quoi mon numéro de chambre",
      'qual è il numero della mia camera',
      'número de mi habitación por favor',
      'el desayuno está incluido en mi reserva',
    ]) {
      assert.equal(asksAboutOwnStay(text), true, text)
    }
  })

  it('is not one about their room that the knowledge base answers', () => {
    for (const text of [
      'from when can we get into our room',
      "please don't clean our room today",
      'ich habe mein Ladekabel im Zimmer liegen lassen',
      'il fait trop chaud dans ma chambre',
      'hace frío en mi habitación',
    ]) {
      assert.equal(asksAboutOwnStay(text), false, text)
    }
  })
})
