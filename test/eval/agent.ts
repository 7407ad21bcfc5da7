/**
 * `npm run eval:agent`: the AI agent's labelled evaluation, every question put to the real agent of a
 * real desk (test/support/agent-eval.ts); prints the targets, the figures per language and kind, and
 * every wrong answer, wrong suggestion and answerable question handed over.
 * EVAL_SET=holdout runs the held-out questions (written after the retrieval was tuned) instead;
 * EVAL_KIND=hard (or any kind) / EVAL_LANGUAGE=de runs a slice.
 */
import { loadQuestions, report, runAgentEvaluation } from '../support/agent-eval.js'

const set = process.env.EVAL_SET === 'holdout' ? 'holdout' : 'questions'
const questions = loadQuestions(set).filter(
  (q) => (!process.env.EVAL_KIND || q.kind === process.env.EVAL_KIND) && (!process.env.EVAL_LANGUAGE || q.language === process.env.EVAL_LANGUAGE),
)
const started = performance.now()
const results = await runAgentEvaluation(questions)
process.stdout.write(
  `frontdesk agent evaluation — ${set}: ${questions.length} questions, ${((performance.now() - started) / 1000).toFixed(1)} s\n\n${report(results)}\n`,
)
