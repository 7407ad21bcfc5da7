import type { Conversation } from '../db/conversations.js'
import type { Message } from '../db/messages.js'
import type { Store } from '../db/store.js'
import { asksAboutOwnStay, handoverReason, showsBookingIntent, type HandoverReason } from '../domain/bot-policy.js'
import { bookingCheckMessage, handoverMessageAt } from '../domain/handover-message.js'
import { stayAnswer } from '../domain/stay-answer.js'
import { todayIn } from '../domain/guest-dates.js'
import { newId } from '../domain/ids.js'
import { answerIn } from '../domain/retrieval/answer-language.js'
import { withSemantic } from '../domain/retrieval/combine.js'
import { detectLanguage, loadLanguageModel } from '../domain/retrieval/languages.js'
import { agentSettingsOf } from './agent-settings.js'
import { contentText } from '../domain/message-content.js'
import { fillTemplate } from '../domain/template-variables.js'
import type { ConversationService } from './conversations.js'
import { unreported, type WorkerReport } from './background-failures.js'
import type { EventBus } from './event-bus.js'
import type { KnowledgeService } from './knowledge.js'
import { composeWithLlm, LLM_SETTING, type LlmProvider } from './llm-client.js'
import type { ReplyService } from './replies.js'
import { createSemanticRetrieval, type SemanticRetrieval } from './semantic-retrieval.js'
import type { FirstCopies } from './sync/first-copies.js'
import { reservationOf, templateContext } from './template-context.js'

/** Only messages this fresh are answered: a push of yesterday's history gets no replies. */
const FRESH_MS = 10 * 60_000

const ASK_FOR_CONTACT = 'If you leave your email address or phone number, we can send you an offer.'

type Tool = 'rag' | 'pms' | 'llm'

/**
 * What the agent does with a guest message: answers it; proposes a reply to staff and hands over
 * (medium confidence); or hands over. Every handover tells the guest so (`say`), in their language.
 */
export type AgentDecision =
  | { kind: 'reply'; text: string; tools: Tool[]; entryId?: string; language: string | null }
  | { kind: 'suggest'; text: string; entryId: string; say: string; language: string | null }
  | { kind: 'handover'; reason: HandoverReason; say: string; language: string | null; gap?: boolean }

/** How long after start the language model loads (see start()). */
const MODEL_LOAD_DELAY_MS = 2_000

/** A follow-up is read with the guest's question before it when that came this recently. */
const FOLLOW_UP_MS = 30 * 60_000

/**
 * The built-in AI agent. It answers each new guest message of a conversation in `ai` mode from
 * what it can retrieve — the property's knowledge base (RAG) and the guest's own reservation (PMS)
 * — optionally worded by an LLM from those same facts; it hands over to staff when the guest asks
 * for a person, complains, or nothing relevant is found. It never answers phone-call transcripts.
 *
 * Its PMS tool sees a reservation only through a verified identity of this very conversation: the
 * conversation's own channel identity (or guest-app session) belonging to the profile, as a
 * reservation push, a guest-app sign-in or a staff link made it. Contacts the guest merely wrote
 * link nothing, so a stranger who writes another guest's email gets no booking details: a question
 * about "my booking" without such a link is handed over to staff.
 */
export function createAiAgent(deps: {
  store: Store
  events: EventBus
  knowledge: KnowledgeService
  conversations: ConversationService
  replies: ReplyService
  clock?: () => number
  /** Where its failures go: the log (with the conversation and message) and /v1/health. */
  report?: WorkerReport
  /** On a synced desk: whether this desk's copy of a guest message is the one to answer (first at the central server). */
  firstCopies?: Pick<FirstCopies, 'isFirst'>
  /** The optional semantic retrieval of properties that configured an embeddings endpoint. */
  semantic?: SemanticRetrieval
}) {
  const { store, events, knowledge, conversations, replies, clock = Date.now, report = unreported(), firstCopies } = deps
  const semantic = deps.semantic ?? createSemanticRetrieval(store, report)
  // One reply at a time per conversation, in arrival order.
  const chains = new Map<string, Promise<void>>()
  // The newest guest message seen per conversation: a burst is answered once, at its end.
  const newestSeen = new Map<string, string>()
  let unsubscribe: (() => void) | undefined
  let modelTimer: NodeJS.Timeout | undefined
  const pending = new Set<Promise<void>>()
  // Stopping ends the wait for the central server's order (the desk's sync stops after the agent).
  let stopWaiting = () => {}
  let stopped = new Promise<false>((resolve) => (stopWaiting = () => resolve(false)))

  async function decide(conversation: Conversation, message: Message): Promise<AgentDecision> {
    // A property with no knowledge base has not set its agent up: nothing to retrieve, and no
    // lexicon or language model to load for it (the language then comes from word hints alone).
    const hasKnowledge = store.knowledge.hasAny(conversation.propertyId)
    if (hasKnowledge) await loadLanguageModel()
    const text = contentText(message.content)
    const settings = agentSettingsOf(store, conversation.propertyId)
    const known = store.conversations.languageOf(conversation.id) ?? guestLanguage(conversation)
    const previous = previousQuestion(conversation.id, message)
    // Everything the agent says about the guest comes from the profile only when that is verified.
    const verified = { ...conversation, guestId: verifiedGuestId(conversation) }

    const match = hasKnowledge
      ? knowledge.match(conversation.propertyId, text, { language: known ?? undefined, previous, thresholds: settings.thresholds })
      : null
    const language = match?.language ?? detectLanguage(text) ?? known
    const timeZone = store.properties.get(conversation.propertyId)?.timeZone ?? 'UTC'
    // Dates the agent fills in (a stay's arrival) are written in the language it answers in.
    const context = templateContext(store, verified, null, { language, now: clock() })
    const say = handoverMessageAt(language, settings.handoverMessages, settings.deskHours, clock(), timeZone)
    const handover = (reason: HandoverReason, gap = false): AgentDecision => ({
      kind: 'handover',
      reason,
      say,
      language,
      ...(gap && { gap }),
    })

    const reason = handoverReason(text)
    if (reason) return handover(reason)
    if (asksAboutOwnStay(text)) {
      const reservation = reservationOf(store, verified)
      if (!reservation) return { kind: 'handover', reason: 'booking not verified', say: bookingCheckMessage(language), language }
      return { kind: 'reply', text: stayAnswer(reservation, language, todayIn(timeZone, clock())), tools: ['pms'], language }
    }
    if (!match) return handover('nothing relevant found', true)
    const ranked = settings.embeddings ? await semantic.rank(settings.embeddings, conversation.propertyId, text) : null
    const chosen = withSemantic(match, ranked)
    const entry = chosen.entryId ? store.knowledge.get(chosen.entryId) : undefined
    if (!entry || chosen.confidence === 'low') return handover('nothing relevant found', true)

    let answer = fillTemplate(answerIn(entry, language), context).text
    if (chosen.confidence === 'medium') return { kind: 'suggest', text: answer, entryId: entry.id, say, language }

    const tools: Tool[] = ['rag']
    const provider = store.settings.get<LlmProvider>(LLM_SETTING)
    if (provider) {
      try {
        // The model only words the answer from the entry's facts; whatever it fails at, the entry's own answer stands.
        answer = await composeWithLlm(provider, { guestMessage: text, facts: [`${entry.question} — ${answer}`], language })
        tools.push('llm')
      } catch (error) {
        report.failed('the LLM provider failed; the built-in answer was sent', { error, conversationId: conversation.id, messageId: message.id, level: 'warn' })
      }
    }
    if (showsBookingIntent(text) && !hasContact(conversation)) answer = `${answer}\n\n${ASK_FOR_CONTACT}`
    return { kind: 'reply', text: answer, tools, entryId: entry.id, language }
  }

  /** The guest's question before `message` in the conversation, when it came recently enough to be followed up. */
  function previousQuestion(conversationId: string, message: Message): string | undefined {
    const before = store.messages
      .pageNewestFirst(conversationId, 10)
      .find((m) => m.direction === 'in' && m.id !== message.id && m.createdAt <= message.createdAt)
    return before && message.createdAt - before.createdAt <= FOLLOW_UP_MS ? contentText(before.content) : undefined
  }

  function guestLanguage(conversation: Conversation): string | null {
    return conversation.guestId ? (store.guests.get(conversation.guestId)?.language ?? null) : null
  }

  /** The conversation's profile when its own channel identity verifiably belongs to it, else null. */
  function verifiedGuestId(conversation: Conversation): string | null {
    if (!conversation.guestId || !conversation.identity) return null
    return store.contactSuggestions.verifiedOwner(conversation.identity.kind, conversation.identity.value) === conversation.guestId
      ? conversation.guestId
      : null
  }

  function hasContact(conversation: Conversation): boolean {
    if (conversation.identity?.kind === 'phone' || conversation.identity?.kind === 'email') return true
    return conversation.guestId !== null && store.guests.identitiesOf(conversation.guestId).some((i) => i.kind === 'phone' || i.kind === 'email')
  }

  /** The guest message is still the conversation's last: nothing (a reply here or from another desk) followed it. */
  const stillUnanswered = (conversationId: string, messageId: string) => store.messages.pageNewestFirst(conversationId, 1)[0]?.id === messageId

  async function answer(conversationId: string, messageId: string): Promise<void> {
    if (newestSeen.get(conversationId) !== messageId) return
    // The same guest message may have reached other desks (while cut off from each other): only the
    // desk whose copy the central server took first answers it, so the guest gets one reply.
    if (firstCopies && !(await Promise.race([firstCopies.isFirst(messageId), stopped]))) return
    const conversation = store.conversations.get(conversationId)
    const message = store.messages.get(messageId)
    // The agent writes free text: where the reply policy allows none (a phone-call transcript), it stays out.
    if (!conversation || !message || conversation.mode !== 'ai' || replies.refusal(conversation)) return
    if (clock() - message.createdAt > FRESH_MS) return
    // A burst of guest messages gets one answer, to the last of them; an answered one gets none.
    if (!stillUnanswered(conversationId, messageId)) return

    const decision = await decide(conversation, message)
    const now = clock()
    // Recorded where the agent is set up (a knowledge base): elsewhere it does nothing at all but hand over.
    if (decision.language && store.knowledge.hasAny(conversation.propertyId)) noteLanguage(conversation, decision.language)
    const reply = async (text: string, tools: Tool[]) => {
      const sent = await replies.send(conversation, { type: 'text', text }, { aiAgent: { tools, latencyMs: Math.max(0, clock() - message.receivedAt) } })
      if (!sent.ok) {
        const problems = sent.problems.map((problem) => `${problem.field} ${problem.message}`).join('; ')
        report.failed('its answer to a guest message was refused', { error: problems, conversationId, messageId })
        return undefined
      }
      return sent.value.message
    }
    if (decision.kind !== 'reply') {
      store.transaction(() => {
        if (decision.kind === 'suggest') {
          store.agentSuggestions.open({
            id: newId('sug'),
            conversationId,
            messageId,
            entryId: decision.entryId,
            text: decision.text,
            language: decision.language,
            createdAt: now,
          })
          store.knowledge.recordUse(decision.entryId, 'suggested', conversationId, now)
        } else if (decision.gap) {
          const question = contentText(message.content).slice(0, 2000)
          store.knowledge.recordGap({
            id: newId('gap'),
            propertyId: conversation.propertyId,
            conversationId,
            messageId,
            question,
            language: decision.language,
            createdAt: now,
          })
        }
      })
      // Never silence: the guest hears that a person takes over, in their language, then staff are
      // told — with or without a knowledge base. Once per handover: the conversation is then in
      // human mode, where the agent reads no guest message until it is switched back to AI.
      if (store.conversations.get(conversationId)?.mode === 'ai') await reply(decision.say, [])
      const reason = decision.kind === 'suggest' ? 'a suggested reply awaits review' : decision.reason
      conversations.setMode(store.conversations.get(conversationId)!, 'human', 'ai-agent', reason)
      return
    }
    // Staff may have taken over, or a reply arrived from another desk, while the agent was thinking.
    if (store.conversations.get(conversationId)?.mode !== 'ai' || !stillUnanswered(conversationId, messageId)) return
    const answered = await reply(decision.text, decision.tools)
    // The conversation may resolve itself once the guest stays quiet after this answer (ai-auto-resolve.ts).
    if (answered) {
      store.aiAnswers.record({ conversationId, propertyId: conversation.propertyId, messageId: answered.id, answeredAt: answered.createdAt })
    }
    if (decision.entryId) store.knowledge.recordUse(decision.entryId, 'answered', conversationId, clock())
  }

  /**
   * Records the language the agent answered in on a profile that has none yet. The conversation's
   * language is guest insight's (services/insight.ts), told from every guest message.
   */
  function noteLanguage(conversation: Conversation, language: string): void {
    const guest = conversation.guestId ? store.guests.get(conversation.guestId) : undefined
    if (!guest || guest.language) return
    const now = clock()
    store.transaction(() => {
      store.guests.update({ ...guest, language, updatedAt: now })
      store.changeLog.append('guest', guest.id, 'update', { language, updatedAt: now }, now)
    })
  }

  return {
    decide,

    start(): void {
      // In the background, once the desk is listening (start-up does not wait for the model's
      // 45 ms); a guest message before then loads it at once.
      modelTimer = setTimeout(() => void loadLanguageModel(), MODEL_LOAD_DELAY_MS)
      modelTimer.unref()
      stopped = new Promise<false>((resolve) => (stopWaiting = () => resolve(false)))
      unsubscribe = events.subscribe((event) => {
        // Pushed history (and bulk imports) are not answered, and cost the agent nothing.
        // Another desk's message is that desk's agent's to answer.
        if (event.type !== 'message.created' || event.direction !== 'in' || event.replicated || clock() - event.createdAt > FRESH_MS) return
        newestSeen.set(event.conversationId, event.messageId)
        const previous = chains.get(event.conversationId) ?? Promise.resolve()
        const { conversationId, messageId } = event
        const next = previous
          .then(() => answer(conversationId, messageId))
          .catch((error: unknown) => report.failed('could not answer a guest message', { error, conversationId, messageId }))
        chains.set(event.conversationId, next)
        pending.add(next)
        void next.finally(() => {
          pending.delete(next)
          if (chains.get(event.conversationId) === next) {
            chains.delete(event.conversationId)
            newestSeen.delete(event.conversationId)
          }
        })
      })
    },

    /** Resolves when every reply being worked on is stored (tests, shutdown). */
    async idle(): Promise<void> {
      while (pending.size) await Promise.all([...pending])
    },

    async stop(): Promise<void> {
      clearTimeout(modelTimer)
      unsubscribe?.()
      stopWaiting()
      await this.idle()
    },
  }
}

export type AiAgent = ReturnType<typeof createAiAgent>
