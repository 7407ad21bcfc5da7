import assert from 'node:assert/strict'
import { loadKnowledgeBase, loadQuestions, type EvalQuestion } from '../support/agent-eval.js'
import { describe, it } from 'node:test'

// The labelled evaluation data for the AI agent's retrieval (issue 16): its shape, and the rules that keep it honest.

const entries = loadKnowledgeBase()
const questions = loadQuestions()

const LANGUAGES = ['en', 'de', 'fr', 'it', 'es']
const KINDS = ['direct', 'paraphrase', 'typo', 'follow-up', 'unanswerable', 'stay', 'hard']
const normalize = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim()
const countWhere = (predicate: (question: EvalQuestion) => boolean): number => questions.filter(predicate).length

describe('agent evaluation data: the knowledge base', () => {
  it('holds at least 30 entries with unique kebab-case ids', () => {
    assert.ok(entries.length >= 30, `${entries.length} entries`)
    assert.equal(new Set(entries.map((entry) => entry.id)).size, entries.length)
    for (const entry of entries) assert.match(entry.id, /^[a-z0-9]+(-[a-z0-9]+)*$/)
    assert.ok(!entries.some((entry) => entry.id === 'none' || entry.id === 'stay'), 'no entry takes a reserved label')
  })

  it('gives every entry a question, an answer, tags, at least 3 phrasings and the answer in de, fr, it and es', () => {
    for (const entry of entries) {
      assert.ok(entry.question.trim() && entry.answer.trim() && entry.tags.trim(), entry.id)
      assert.ok(LANGUAGES.includes(entry.language), entry.id)
      assert.ok(Array.isArray(entry.phrasings) && entry.phrasings.length >= 3, `${entry.id}: ${entry.phrasings?.length} phrasings`)
      for (const phrasing of entry.phrasings) assert.ok(phrasing.trim(), entry.id)
      for (const language of ['de', 'fr', 'it', 'es']) assert.ok(entry.answers?.[language]?.trim(), `${entry.id}: no ${language} answer`)
    }
  })
})

describe('agent evaluation data: the questions', () => {
  const entryIds = new Set(entries.map((entry) => entry.id))

  it('holds at least 300 questions with unique ids and texts', () => {
    assert.ok(questions.length >= 300, `${questions.length} questions`)
    assert.equal(new Set(questions.map((question) => question.id)).size, questions.length)
    assert.equal(new Set(questions.map((question) => normalize(question.text))).size, questions.length, 'a question text repeats')
  })

  it('labels every question with an entry id, "none" or "stay", a known language and kind', () => {
    for (const question of questions) {
      assert.ok(question.text.trim(), question.id)
      assert.ok(entryIds.has(question.expect) || question.expect === 'none' || question.expect === 'stay', `${question.id}: expect ${question.expect}`)
      assert.ok(LANGUAGES.includes(question.language), `${question.id}: language ${question.language}`)
      assert.ok(KINDS.includes(question.kind), `${question.id}: kind ${question.kind}`)
    }
  })

  it('asks at least 50 questions in each of the five languages', () => {
    for (const language of LANGUAGES) {
      const count = countWhere((question) => question.language === language)
      assert.ok(count >= 50, `${language}: ${count}`)
    }
  })

  it('holds at least 60 questions the base cannot answer, and every "unanswerable" expects "none"', () => {
    assert.ok(countWhere((question) => question.expect === 'none') >= 60)
    for (const question of questions.filter((question) => question.kind === 'unanswerable')) assert.equal(question.expect, 'none', question.id)
  })

  it('holds at least 20 follow-ups, each with the previous question, and no other question has one', () => {
    assert.ok(countWhere((question) => question.kind === 'follow-up') >= 20)
    for (const question of questions) {
      if (question.kind === 'follow-up') assert.ok(question.previous?.trim(), `${question.id}: no previous`)
      else assert.equal(question.previous, undefined, `${question.id}: previous on a ${question.kind}`)
    }
  })

  it('holds at least 20 questions about the guest\'s own stay, and every "stay" question expects "stay"', () => {
    assert.ok(countWhere((question) => question.expect === 'stay') >= 20)
    for (const question of questions.filter((question) => question.kind === 'stay')) assert.equal(question.expect, 'stay', question.id)
  })

  it('holds hard cases and covers every entry at least twice', () => {
    assert.ok(countWhere((question) => question.kind === 'hard') >= 25)
    for (const id of entryIds) assert.ok(countWhere((question) => question.expect === id) >= 2, `${id} is hardly asked`)
  })

  it('does not copy an entry: no question text equals an entry question or phrasing', () => {
    const written = new Set(entries.flatMap((entry) => [entry.question, ...entry.phrasings]).map(normalize))
    for (const question of questions) assert.ok(!written.has(normalize(question.text)), `${question.id} copies an entry: ${question.text}`)
  })
})
