/**
 * Retrieval that knows what it matched: a guest's question against a property's knowledge entries,
 * each candidate scored by how much of the question it covers, with a confidence the agent acts on
 * (high: answer; medium: suggest a reply to staff; low: hand over).
 *
 * The question is read as units — the concepts it names and its content words no concept accounts
 * for — each weighted (concepts more than words, rare ones more than common ones, generic concepts
 * such as time, price or room least). An entry covers a unit when its question, a phrasing or its
 * tags name that concept or word (its answers, for half the weight); its coverage is the covered
 * share of the question's weight. A word the knowledge base does not know ("helicopter") is a unit
 * nobody covers, as is a concept no entry names ("bitcoin"), which is how "can I pay with bitcoin at
 * check-out?" stops being a check-out question. An entry can only be the answer when its main topic
 * is among the question's concepts ("from when can we get into our room?" names a room, but is not
 * about room service), and it fits less when the question leaves out what most of its phrasings name
 * (an early check-in for "what time is check-in?"). What the guest tells of their plans ("after
 * checking out", "our flight lands at 8": context.ts) puts no entry on topic, and their own journey
 * costs an entry little.
 */
import { analyse, type Analysis, type KnownWords } from './analyse.js'
import type { ConceptKind } from './concept-lexicon.js'
import { compileLexicon, type Lexicon } from './concepts.js'
import { detectLanguage, isSupportedLanguage, SUPPORTED_LANGUAGES, type Language } from './languages.js'
import { isStopwordInAnyLanguage } from './normalise.js'
import { STOPWORDS } from './stopwords.js'
import { createTypoVocabulary } from './typos.js'

export interface RetrievalThresholds {
  /** The least score for an answer. */
  high: number
  /** The least score for a suggested reply. */
  medium: number
  /** How far an answer's score must be ahead of the runner-up's. */
  minGap: number
}

/** Safe defaults: a question matched less clearly goes to staff as a suggestion rather than to the guest as an answer. */
export const DEFAULT_THRESHOLDS: RetrievalThresholds = { high: 0.75, medium: 0.45, minGap: 0.15 }

/** What retrieval reads of a knowledge entry. */
export interface IndexableEntry {
  id: string
  question: string
  language: string
  tags: string
  phrasings: readonly string[]
  /** The answer, in `language`: a question's detail it mentions ("is the pool heated?") counts as half covered. */
  answer?: string
  /** The answer in other languages, by language code. */
  answers?: Readonly<Record<string, string>>
}

export interface Candidate {
  entryId: string
  /** The ranking score, 0..1: coverage, lowered when the question names little of what the entry is about, halved off topic. */
  score: number
  /** The share of the question's weight the entry covers, 0..1. */
  coverage: number
  /** The question's concepts the entry covers. */
  matchedConcepts: string[]
  /** The question's words (no concept) the entry covers. */
  matchedWords: string[]
  /** The question's words (no concept) the entry does not cover. */
  unmatchedWords: string[]
  /** Whether the entry's main topic is among the question's concepts. */
  topicMatched: boolean
}

export interface Retrieval {
  best: Candidate | null
  runnerUp: Candidate | null
  confidence: 'high' | 'medium' | 'low'
  /** The question's language: detected, else told by the lexicon's words, else the one given, else English. */
  language: string
  /** The question's concepts, with the previous question's topics and modifiers for a follow-up. */
  concepts: string[]
}

export interface RetrieveOptions {
  /** The language the guest is known to write in, used when the question's own cannot be told. */
  language?: string
  /** The guest's previous question: a follow-up without a topic of its own ("how much?", "und am Sonntag?") is read with its topics. */
  previous?: string
  thresholds?: RetrievalThresholds
}

interface Unit {
  kind: 'concept' | 'word'
  /** The concept id, or the word's folded spelling. */
  id: string
  keys: readonly string[]
  weight: number
  /** A detail that counts for an entry naming it, and costs an entry that does not only OPTIONAL_SHARE of its weight. */
  optional?: boolean
}

interface IndexedEntry {
  id: string
  /** The question first, then the phrasings. */
  texts: Analysis[]
  concepts: Set<string>
  keys: Set<string>
  /** What its answers name: a detail of the question they mention is half covered. */
  answerConcepts: Set<string>
  answerKeys: Set<string>
  mainTopics: string[]
}

export interface KnowledgeIndex {
  readonly entries: readonly IndexedEntry[]
  readonly lexicon: Lexicon
  readonly known: KnownWords
  readonly conceptEntries: ReadonlyMap<string, number>
}

/** Generic concepts (time, price, room, day) are details of many questions: a flat weight, rare or not. */
const KIND_WEIGHT: Record<ConceptKind, number> = { topic: 1, modifier: 0.6, generic: 0.25 }
/** The share of a unit's weight an entry covers when only its answer names the unit. */
const ANSWER_SHARE = 0.5
const WORD_WEIGHT = 0.6
/** A word the base does not know may be what the question is about ("helicopter", "bitcoin"). */
const UNKNOWN_WORD_WEIGHT = 0.8
const MIN_WORD_IDF = 0.2
const MIN_UNKNOWN_WORD = 4
/** How much of the score depends on the question naming what the entry is about (see definingShare); the rest is coverage. */
const PRECISION_SHARE = 0.4
const OFF_TOPIC_FACTOR = 0.5
const OPTIONAL_SHARE = 0.25
let shippedLexicon: Lexicon | undefined
const lexicon = () => (shippedLexicon ??= compileLexicon())

/** Normalised inverse document frequency: 1 for a unit of one entry (or none), towards 0 for one of every entry. */
function idf(count: number, total: number): number {
  if (count <= 0 || total <= 1) return 1
  return Math.log(1 + total / count) / Math.log(1 + total)
}

function textLanguage(text: string, fallback: string): { language: Language; stemLanguages: readonly Language[]; detected: Language | null } {
  const found = detectLanguage(text)
  const detected = isSupportedLanguage(found) ? found : null
  const language = detected ?? (isSupportedLanguage(fallback) ? fallback : 'en')
  return { language, stemLanguages: detected ? [detected] : SUPPORTED_LANGUAGES, detected }
}

function conceptWeight(index: Pick<KnowledgeIndex, 'lexicon' | 'conceptEntries' | 'entries'>, concept: string): number {
  const kind = index.lexicon.kinds.get(concept) ?? 'topic'
  if (kind === 'generic') return KIND_WEIGHT.generic
  return KIND_WEIGHT[kind] * (0.5 + 0.5 * idf(index.conceptEntries.get(concept) ?? 0, index.entries.length))
}

function wordEntries(entries: readonly IndexedEntry[], keys: readonly string[]): number {
  return entries.filter((entry) => keys.some((key) => entry.keys.has(key))).length
}

function wordWeight(entries: readonly IndexedEntry[], keys: readonly string[]): number {
  const count = wordEntries(entries, keys)
  return count === 0 ? UNKNOWN_WORD_WEIGHT : WORD_WEIGHT * Math.max(MIN_WORD_IDF, idf(count, entries.length))
}

const topicsOf = (concepts: readonly string[], lexicon: Lexicon) => concepts.filter((concept) => lexicon.kinds.get(concept) === 'topic')

/**
 * What each entry is about: the topics of its question, and those most of its phrasings name, less
 * the topics another entry is about ("Do you cater for special diets at breakfast?" is about diets
 * when another entry asks "When is breakfast served?"), unless that leaves nothing. An entry whose
 * question names no topic is about its tags' topics.
 */
function mainTopics(entries: readonly { texts: readonly Analysis[]; tags: Analysis }[], lexicon: Lexicon): string[][] {
  const own = entries.map(({ texts }) => {
    const counts = new Map<string, number>()
    for (const text of texts) for (const topic of new Set(topicsOf(text.concepts, lexicon))) counts.set(topic, (counts.get(topic) ?? 0) + 1)
    const inQuestion = topicsOf(texts[0]?.concepts ?? [], lexicon)
    return [...counts].filter(([topic, count]) => inQuestion.includes(topic) || count * 2 >= texts.length).map(([topic]) => topic)
  })
  return entries.map(({ texts, tags }, i) => {
    const topics = own[i]?.length ? (own[i] ?? []) : topicsOf(tags.concepts, lexicon)
    const unclaimed = topics.filter((topic) => !own.some((other, j) => j !== i && other.includes(topic)))
    if (unclaimed.length > 0) return unclaimed
    return topics.length > 0 ? topics : (texts[0]?.concepts ?? [])
  })
}

/** An answer without its template variables ({{property.name}} is no word of the answer). */
const withoutVariables = (answer: string) => answer.replace(/\{\{[^}]*\}\}/g, ' ')

/** Indexes knowledge entries for retrieve(): every question, phrasing and tag list read once. */
export function buildKnowledgeIndex(entries: readonly IndexableEntry[]): KnowledgeIndex {
  const shipped = lexicon()
  const stopwords = SUPPORTED_LANGUAGES.flatMap((language) => [...STOPWORDS[language]])
  const lexiconOnly: KnownWords = { keys: shipped.keys, typos: createTypoVocabulary(shipped.words, stopwords) }
  const read = (text: string, fallback: string) => analyse(text, { lexicon: shipped, ...textLanguage(text, fallback), known: lexiconOnly })
  const analysed = entries.map((entry) => ({
    entry,
    texts: [entry.question, ...entry.phrasings].filter((text) => text.trim()).map((text) => read(text, entry.language)),
    // Tags are keywords, often of several languages: every language's stems apply.
    tags: analyse(entry.tags, {
      lexicon: shipped,
      language: isSupportedLanguage(entry.language) ? entry.language : 'en',
      stemLanguages: SUPPORTED_LANGUAGES,
      known: lexiconOnly,
    }),
    // An answer's language is known: no detection.
    answers: [...(entry.answer ? [[entry.language, entry.answer] as const] : []), ...Object.entries(entry.answers ?? {})].map(([language, answer]) =>
      isSupportedLanguage(language)
        ? analyse(withoutVariables(answer), { lexicon: shipped, language, stemLanguages: [language], known: lexiconOnly })
        : read(withoutVariables(answer), language),
    ),
  }))

  const conceptEntries = new Map<string, number>()
  // The knowledge base's words as often as they occur: the likelier reading of an ambiguous typo.
  const words: string[] = [...shipped.words]
  const keys = new Set(shipped.keys)
  const indexed: IndexedEntry[] = analysed.map(({ entry, texts, tags, answers }) => {
    const all = [...texts, tags]
    const concepts = new Set(all.flatMap((analysis) => analysis.concepts))
    for (const concept of concepts) conceptEntries.set(concept, (conceptEntries.get(concept) ?? 0) + 1)
    const entryKeys = new Set(all.flatMap((analysis) => [...analysis.keys]))
    for (const key of entryKeys) keys.add(key)
    for (const analysis of [...all, ...answers]) for (const token of analysis.tokens) if (!isStopwordInAnyLanguage(token.folded)) words.push(token.folded)
    const answerKeys = new Set(answers.flatMap((analysis) => [...analysis.keys]))
    for (const key of answerKeys) keys.add(key)
    return {
      id: entry.id,
      texts,
      concepts,
      keys: entryKeys,
      answerConcepts: new Set(answers.flatMap((analysis) => analysis.concepts)),
      answerKeys,
      mainTopics: [],
    }
  })

  const index: KnowledgeIndex = { entries: indexed, lexicon: shipped, known: { keys, typos: createTypoVocabulary(words, stopwords) }, conceptEntries }
  const topics = mainTopics(analysed, shipped)
  indexed.forEach((entry, i) => {
    entry.mainTopics = topics[i] ?? []
  })
  return index
}

/**
 * How much of what the entry is about the question names: the concepts most of its texts name
 * ("early" for an early check-in), among the texts about the main topic the question names — an
 * entry about "a pool and a spa" asks for neither the pool nor the spa in particular, an "airport
 * shuttle" for both.
 */
function definingShare(entry: IndexedEntry, concepts: ReadonlySet<string>, index: KnowledgeIndex): number {
  const named = entry.mainTopics.filter((topic) => concepts.has(topic))
  const texts = entry.texts.filter((text) => named.length === 0 || named.some((topic) => text.concepts.includes(topic)))
  const counts = new Map<string, number>()
  for (const text of texts) for (const concept of text.concepts) counts.set(concept, (counts.get(concept) ?? 0) + 1)
  const defining = [...counts].filter(([, count]) => count * 2 >= texts.length).map(([concept]) => concept)
  if (defining.length === 0) return 1
  const weight = (list: readonly string[]) => list.reduce((sum, concept) => sum + conceptWeight(index, concept), 0)
  return weight(defining.filter((concept) => concepts.has(concept))) / weight(defining)
}

/**
 * A follow-up names no topic of its own ("how much?", "und am Sonntag?", "e per i bambini?"): it is
 * read with the previous question's topics and modifiers. One that names its own ("and for dogs?",
 * "and is there a gym?") is read on its own.
 */
function isFollowUp(analysis: Analysis, index: KnowledgeIndex): boolean {
  return !analysis.concepts.some((concept) => index.lexicon.kinds.get(concept) === 'topic')
}

/** The language the lexicon's words say a text is in, when they all agree on one that only some of them share. */
function lexiconLanguage(analysis: Analysis, index: KnowledgeIndex): Language | null {
  const votes = new Map<Language, number>()
  for (const match of analysis.matches) {
    const languages = index.lexicon.spellingLanguages.get(match.spelling)
    if (languages?.size === 1) for (const language of languages) votes.set(language, (votes.get(language) ?? 0) + 1)
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1])
  const [first, second] = ranked
  return first && (!second || second[1] < first[1]) ? first[0] : null
}

function confidenceOf(best: Candidate | null, runnerUp: Candidate | null, thresholds: RetrievalThresholds): Retrieval['confidence'] {
  if (!best || !best.topicMatched) return 'low'
  if (best.score >= thresholds.high && best.score - (runnerUp?.score ?? 0) >= thresholds.minGap) return 'high'
  return best.score >= thresholds.medium ? 'medium' : 'low'
}

/** The entries that answer a guest's question, best first, with how sure retrieval is of the best. */
export function retrieve(index: KnowledgeIndex, question: string, options: RetrieveOptions = {}): Retrieval {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS
  const read = (text: string) => {
    const { language, stemLanguages, detected } = textLanguage(text, options.language ?? 'en')
    const analysis = analyse(text, { lexicon: index.lexicon, language, stemLanguages, known: index.known, correctTypos: true, readContext: true })
    return { analysis, detected }
  }
  const { analysis, detected } = read(question)
  const language = detected ?? lexiconLanguage(analysis, index) ?? options.language ?? 'en'

  const concepts = [...analysis.concepts]
  // Early or late by a clock time ("a room before 12") qualifies what the question names only where an
  // entry pairs the two (an early check-in), not room service after 23:00.
  const topics = topicsOf(concepts, index.lexicon)
  for (const concept of analysis.context.concepts) {
    const paired = index.entries.some((entry) => entry.concepts.has(concept) && topics.some((topic) => entry.concepts.has(topic)))
    if (paired && !concepts.includes(concept)) concepts.push(concept)
  }
  if (options.previous?.trim() && isFollowUp(analysis, index)) {
    const previous = read(options.previous).analysis
    // A follow-up with a topic of its own ("and when is breakfast?") takes the previous question's
    // topics only, not its details ("included"); one without ("and on Sundays?") takes those too.
    const ownTopic = analysis.concepts.some((concept) => index.lexicon.kinds.get(concept) === 'topic')
    const carried = previous.concepts.filter(
      (concept) => index.lexicon.kinds.get(concept) === 'topic' || (!ownTopic && index.lexicon.kinds.get(concept) !== 'generic'),
    )
    for (const concept of carried) if (!concepts.includes(concept)) concepts.push(concept)
  }

  // What the guest tells of their plans ("our flight lands at 8", "after checking out") is not what
  // they ask about while the question names a topic of its own: an entry about it is off topic. Their
  // own journey is a detail besides; "after check-out" may be the point ("can we use the spa after check-out?").
  const { circumstances: told, journeys } = analysis.context
  const circumstances = new Set(concepts.some((concept) => index.lexicon.kinds.get(concept) === 'topic' && !told.includes(concept)) ? told : [])
  const optional = new Set(journeys.filter((concept) => circumstances.has(concept)))
  const units: Unit[] = [
    ...concepts.map((id): Unit => ({ kind: 'concept', id, keys: [], weight: conceptWeight(index, id), optional: optional.has(id) })),
    ...analysis.words
      // An unknown word of one to three letters is more likely a slip ("teh", "pra") than what the question is about.
      .filter((word) => word.text.length >= MIN_UNKNOWN_WORD || word.keys.some((key) => index.known.keys.has(key)))
      .map((word): Unit => ({ kind: 'word', id: word.text, keys: word.keys, weight: wordWeight(index.entries, word.keys) })),
  ]
  const conceptSet = new Set(concepts)
  const topicSet = new Set(concepts.filter((concept) => !circumstances.has(concept)))

  const candidates: Candidate[] = []
  if (units.length > 0) {
    for (const entry of index.entries) {
      const covers = (unit: Unit) => (unit.kind === 'concept' ? entry.concepts.has(unit.id) : unit.keys.some((key) => entry.keys.has(key)))
      const answerCovers = (unit: Unit) => (unit.kind === 'concept' ? entry.answerConcepts.has(unit.id) : unit.keys.some((key) => entry.answerKeys.has(key)))
      const covered = units.filter(covers)
      if (covered.length === 0) continue
      const coveredByAnswer = units.filter((unit) => !unit.optional && !covers(unit) && answerCovers(unit))
      const coveredWeight = covered.reduce((sum, unit) => sum + unit.weight, 0) + ANSWER_SHARE * coveredByAnswer.reduce((sum, unit) => sum + unit.weight, 0)
      const total = units.reduce((sum, unit) => sum + (unit.optional && !covers(unit) ? OPTIONAL_SHARE : 1) * unit.weight, 0)
      const coverage = coveredWeight / total
      const topicMatched = entry.mainTopics.length > 0 ? entry.mainTopics.some((topic) => topicSet.has(topic)) : covered.length === units.length
      const precision = definingShare(entry, conceptSet, index)
      const score = coverage * (1 - PRECISION_SHARE + PRECISION_SHARE * precision) * (topicMatched ? 1 : OFF_TOPIC_FACTOR)
      candidates.push({
        entryId: entry.id,
        score,
        coverage,
        matchedConcepts: [...covered, ...coveredByAnswer].filter((unit) => unit.kind === 'concept').map((unit) => unit.id),
        matchedWords: [...covered, ...coveredByAnswer].filter((unit) => unit.kind === 'word').map((unit) => unit.id),
        unmatchedWords: units.filter((unit) => unit.kind === 'word' && !covered.includes(unit) && !coveredByAnswer.includes(unit)).map((unit) => unit.id),
        topicMatched,
      })
    }
  }
  candidates.sort((a, b) => b.score - a.score || Number(b.topicMatched) - Number(a.topicMatched) || b.coverage - a.coverage)
  const best = candidates[0] ?? null
  const runnerUp = candidates[1] ?? null
  return { best, runnerUp, confidence: confidenceOf(best, runnerUp, thresholds), language, concepts }
}
