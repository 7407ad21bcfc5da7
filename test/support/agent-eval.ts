/**
 * The AI agent's labelled evaluation (issue 16): the questions of test/fixtures/agent-eval put to
 * the real agent of a real desk (a store in a temp dir, messages pushed through the API as a guest's
 * website chat), one new conversation per question, and what it did compared with the label.
 * Used by `npm run eval:agent` (everything, printed) and by a CI test (the known-hard slice).
 */
import { readFileSync } from 'node:fs'
import { SAMPLE_KNOWLEDGE, type SampleKnowledgeEntry } from '../../local-api/services/sample-data/knowledge-base.js'
import { bearer, PUSH_URL, pushedMessage, startTestApp } from './test-app.js'

/** An entry of the evaluation's knowledge base (the sample data's). */
export type EvalEntry = SampleKnowledgeEntry
export interface EvalQuestion {
  id: string
  text: string
  language: string
  /** An entry id, "none" (the base cannot answer: hand over) or "stay" (the guest's own reservation). */
  expect: string
  kind: string
  previous?: string
  note?: string
}

/** What the agent did with one question. */
export type Outcome =
  { did: 'answered'; entry: string } | { did: 'suggested'; entry: string } | { did: 'stay' } | { did: 'handover'; reason: string } | { did: 'silent' }

export interface EvalResult {
  question: EvalQuestion
  outcome: Outcome
  /** The agent's words to the guest (answer or handover message), if any. */
  said: string | null
  verdict: 'correct' | 'wrong' | 'suggested-right' | 'suggested-wrong' | 'handover' | 'silent'
}

const FIXTURES = new URL('../fixtures/agent-eval/', import.meta.url)
/** The evaluation's knowledge base: the one new desks get as sample data. */
export const loadKnowledgeBase = (): readonly EvalEntry[] => SAMPLE_KNOWLEDGE
/** The labelled set; `holdout`: the questions written after the retrieval was tuned, never seen while tuning it. */
export const loadQuestions = (set: 'questions' | 'holdout' = 'questions'): EvalQuestion[] =>
  (JSON.parse(readFileSync(new URL(`${set}.json`, FIXTURES), 'utf8')) as { questions: EvalQuestion[] }).questions

/** Puts `questions` to the agent of a fresh desk whose base is the evaluation's knowledge base. */
export async function runAgentEvaluation(questions: readonly EvalQuestion[]): Promise<EvalResult[]> {
  const t = await startTestApp()
  try {
    const admin = t.token(['admin'])
    const propertyId = t.app.store.properties.first()!.id
    await t.app.inject({ method: 'PATCH', url: `/v1/properties/${propertyId}`, headers: bearer(admin), payload: { name: 'Hotel Bellevue Zürich' } })
    const evalIdOf = new Map<string, string>()
    for (const entry of loadKnowledgeBase()) {
      const { id, ...fields } = entry
      const created = await t.app.inject({ method: 'POST', url: '/v1/knowledge', headers: bearer(admin), payload: fields })
      if (created.statusCode !== 201) throw new Error(`knowledge entry ${id}: ${created.body}`)
      evalIdOf.set(created.json().id, id)
    }

    const results: EvalResult[] = []
    let n = 0
    for (const question of questions) {
      // A phone of its own: each question is a new guest's conversation.
      const phone = `+4179${String(5_000_000 + n++).padStart(7, '0')}`
      const say = async (text: string) => {
        const pushed = await t.app.inject({ method: 'POST', url: PUSH_URL, headers: bearer(admin), payload: { messages: [pushedMessage({ phone, text })] } })
        if (pushed.statusCode !== 201) throw new Error(`${question.id}: ${pushed.body}`)
        await t.app.aiAgent.idle()
        return pushed.json()[0] as { conversationId: string; messageId: string }
      }
      if (question.previous) {
        // The first question was dealt with (by the agent or by staff, who gave the chat back to it):
        // the follow-up finds the agent on duty.
        const first = await say(question.previous)
        await t.app.inject({ method: 'PUT', url: `/v1/conversations/${first.conversationId}/mode`, headers: bearer(admin), payload: { mode: 'ai' } })
      }
      const { conversationId, messageId } = await say(question.text)
      const outcome = outcomeOf(t.db, conversationId, messageId, evalIdOf)
      const said = t.db
        .prepare(
          `SELECT text FROM messages WHERE conversation_id = ? AND direction = 'out' AND created_at >= (SELECT created_at FROM messages WHERE id = ?) ORDER BY rowid DESC LIMIT 1`,
        )
        .pluck()
        .get(conversationId, messageId) as string | undefined
      results.push({ question, outcome, said: said ?? null, verdict: verdictOf(question, outcome) })
    }
    return results
  } finally {
    await t.close()
  }
}

/** What the agent did with the guest message `messageId`, read from the store. */
function outcomeOf(db: import('better-sqlite3').Database, conversationId: string, messageId: string, evalIdOf: Map<string, string>): Outcome {
  const at = db.prepare('SELECT created_at FROM messages WHERE id = ?').pluck().get(messageId) as number
  const use = db
    .prepare(
      "SELECT entry_id AS entryId, kind FROM knowledge_uses WHERE conversation_id = ? AND at >= ? AND kind IN ('answered', 'suggested') ORDER BY rowid DESC LIMIT 1",
    )
    .get(conversationId, at) as { entryId: string; kind: 'answered' | 'suggested' } | undefined
  if (use) return { did: use.kind, entry: evalIdOf.get(use.entryId) ?? use.entryId }
  const reply = db
    .prepare("SELECT meta FROM messages WHERE conversation_id = ? AND direction = 'out' AND created_at >= ? ORDER BY rowid DESC LIMIT 1")
    .get(conversationId, at) as { meta: string | null } | undefined
  if (reply?.meta && (JSON.parse(reply.meta) as { tools?: string[] }).tools?.includes('pms')) return { did: 'stay' }
  const handover = db
    .prepare("SELECT data FROM conversation_events WHERE conversation_id = ? AND type = 'handover' AND created_at >= ? ORDER BY rowid DESC LIMIT 1")
    .pluck()
    .get(conversationId, at) as string | undefined
  if (handover) {
    const reason = (JSON.parse(handover) as { reason?: string }).reason ?? 'handed over'
    return reason === 'booking not verified' ? { did: 'stay' } : { did: 'handover', reason }
  }
  return { did: 'silent' }
}

/** How the outcome stands against the label: a wrong answer is one a guest received and should not have. */
export function verdictOf(question: EvalQuestion, outcome: Outcome): EvalResult['verdict'] {
  switch (outcome.did) {
    case 'answered':
      return outcome.entry === question.expect ? 'correct' : 'wrong'
    case 'suggested':
      return outcome.entry === question.expect ? 'suggested-right' : 'suggested-wrong'
    case 'stay':
      return question.expect === 'stay' ? 'correct' : 'handover'
    case 'handover':
      return question.expect === 'none' ? 'correct' : 'handover'
    case 'silent':
      return 'silent'
  }
}

export interface EvalFigures {
  questions: number
  /** Of the questions an entry answers: answered with that entry. */
  answeredCorrect: number
  answerable: number
  /** Of all the answers the agent sent from the base: the wrong ones. */
  wrong: number
  answers: number
  /** Of all questions: those turned into a suggested reply for staff. */
  suggested: number
  /** Of the questions the base cannot answer: handed over (or suggested, which tells the guest nothing). */
  unanswerableHandedOver: number
  unanswerable: number
  stayCorrect: number
  stay: number
  silent: number
}

export function figuresOf(results: readonly EvalResult[]): EvalFigures {
  const answerable = results.filter((r) => r.question.expect !== 'none' && r.question.expect !== 'stay')
  const unanswerable = results.filter((r) => r.question.expect === 'none')
  const stay = results.filter((r) => r.question.expect === 'stay')
  return {
    questions: results.length,
    answerable: answerable.length,
    answeredCorrect: answerable.filter((r) => r.verdict === 'correct').length,
    answers: results.filter((r) => r.outcome.did === 'answered').length,
    wrong: results.filter((r) => r.verdict === 'wrong').length,
    suggested: results.filter((r) => r.outcome.did === 'suggested').length,
    unanswerable: unanswerable.length,
    unanswerableHandedOver: unanswerable.filter((r) => r.outcome.did === 'handover' || r.outcome.did === 'suggested').length,
    stay: stay.length,
    stayCorrect: stay.filter((r) => r.verdict === 'correct').length,
    silent: results.filter((r) => r.outcome.did === 'silent').length,
  }
}

const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)} %` : '–')

/** The printed report: the targets first, then per language and kind, then every wrong answer and confusion. */
export function report(results: readonly EvalResult[]): string {
  const lines: string[] = []
  const row = (label: string, subset: readonly EvalResult[]) => {
    const f = figuresOf(subset)
    lines.push(
      `${label.padEnd(14)} ${String(f.questions).padStart(4)}   answered correct ${pct(f.answeredCorrect, f.answerable).padStart(8)}   wrong of answers ${pct(f.wrong, f.answers).padStart(8)} (${f.wrong}/${f.answers})   suggested ${pct(f.suggested, f.questions).padStart(8)}   unanswerable handed over ${pct(f.unanswerableHandedOver, f.unanswerable).padStart(8)}   own stay ${pct(f.stayCorrect, f.stay).padStart(8)}`,
    )
  }
  const all = figuresOf(results)
  const target = (label: string, value: number, whole: number, ok: (x: number) => boolean, goal: string) =>
    lines.push(`${label.padEnd(40)} ${pct(value, whole).padStart(8)}  (${value}/${whole})  target ${goal}  ${ok(whole ? value / whole : 0) ? 'ok' : 'MISSED'}`)
  target('answerable questions answered correctly', all.answeredCorrect, all.answerable, (x) => x >= 0.8, '≥ 80 %')
  target("wrong among the agent's answers", all.wrong, all.answers, (x) => x <= 0.02, '≤ 2 %')
  target('unanswerable questions handed over', all.unanswerableHandedOver, all.unanswerable, (x) => x >= 0.9, '≥ 90 %')
  lines.push('')
  row('all', results)
  for (const language of [...new Set(results.map((r) => r.question.language))].sort())
    row(
      `lang ${language}`,
      results.filter((r) => r.question.language === language),
    )
  for (const kind of [...new Set(results.map((r) => r.question.kind))].sort())
    row(
      kind,
      results.filter((r) => r.question.kind === kind),
    )
  const wrong = results.filter((r) => r.verdict === 'wrong' || r.verdict === 'suggested-wrong' || r.verdict === 'silent')
  if (wrong.length) {
    lines.push('', 'wrong answers, wrong suggestions and silences (expected → got):')
    for (const r of wrong) {
      const got = 'entry' in r.outcome ? `${r.outcome.did} ${r.outcome.entry}` : r.outcome.did
      lines.push(`  ${r.question.id} [${r.question.language} ${r.question.kind}] "${r.question.text}" ${r.question.expect} → ${got}`)
    }
  }
  const missed = results.filter((r) => r.verdict === 'handover' && r.question.expect !== 'none')
  if (missed.length) {
    lines.push('', `handed over although answerable (${missed.length}):`)
    for (const r of missed) lines.push(`  ${r.question.id} [${r.question.language} ${r.question.kind}] "${r.question.text}" → ${r.question.expect}`)
  }
  return lines.join('\n')
}
