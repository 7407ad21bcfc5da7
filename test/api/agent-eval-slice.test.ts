import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { figuresOf, loadQuestions, report, runAgentEvaluation } from '../support/agent-eval.js'

// The labelled evaluation's known-hard slice, through the real agent of a real desk: questions that
// share a word with the wrong entry, and questions the base cannot answer. None may be answered
// wrongly; the whole set is `npm run eval:agent`.
describe('the AI agent on the known-hard questions of its evaluation set', () => {
  it('answers none of them wrongly, and hands over what the base cannot answer', async () => {
    const questions = loadQuestions().filter((q) => q.kind === 'hard' || q.kind === 'unanswerable')
    const results = await runAgentEvaluation(questions)
    const wrong = results.filter((r) => r.verdict === 'wrong')
    assert.deepEqual(
      wrong.map((r) => `${r.question.id} "${r.question.text}" → ${'entry' in r.outcome ? r.outcome.entry : r.outcome.did}`),
      [],
      report(results),
    )
    const figures = figuresOf(results)
    assert.ok(figures.unanswerableHandedOver / figures.unanswerable >= 0.9, report(results))
  })
})
