import { memo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Message } from '@api-contract'
import { languageName } from '@/lib/language-name'
import { messageTime } from '@/lib/relative-time'
import { useRetryDelivery } from '../api/workflow'
import { noteSegments } from '../mentions'
import { MessageContent } from './message-content'

/** Guest messages sit on the left, the property's (staff, AI agent, local systems) on the right. */
export const MessageBubble = memo(function MessageBubble({
  message,
  now,
  find,
  translation,
}: {
  message: Message
  now: number
  find?: readonly string[]
  /** The guest's words in the reader's language, where the desk has them. */
  translation?: { from: string; text: string }
}) {
  const { t, i18n } = useTranslation()
  if (message.internal) return <NoteBubble message={message} now={now} />
  const fromGuest = message.direction === 'in'
  const author = fromGuest ? t('chat.fromGuest') : message.sender.type === 'bot' ? t('chat.aiAgent') : (message.sender.name ?? t('chat.fromProperty'))
  return (
    <article
      className={`bubble ${fromGuest ? 'bubble-in' : 'bubble-out'}${message.sender.type === 'bot' ? ' bubble-bot' : ''}`}
      data-message-id={message.id}
      aria-label={author}
    >
      {!fromGuest && (
        <span className="bubble-author">
          {author}
          {message.agentTools.map((tool) => (
            <abbr key={tool} className={`tool-badge tool-${tool}`} title={t(`chat.tools.${tool}`)}>
              {tool.toUpperCase()}
            </abbr>
          ))}
        </span>
      )}
      {translation ? (
        <Translated translated={translation.text} from={translation.from} original={<MessageContent content={message.content} find={find} />} />
      ) : message.original ? (
        <Translated translated={message.original.text} from={null} original={<MessageContent content={message.content} find={find} />} sent />
      ) : (
        <MessageContent content={message.content} find={find} />
      )}
      <span className="bubble-footer">
        {message.delivery && <DeliveryState message={message} />}
        <time className="bubble-time" dateTime={message.createdAt}>
          {messageTime(message.createdAt, now, i18n.language)}
        </time>
      </span>
    </article>
  )
})

/**
 * A message shown in the reader's language, the words as written one click away: a guest's message
 * translated for staff, or a reply staff wrote in their language and sent translated (`sent`: what
 * the guest received is the original shown on demand).
 */
function Translated({ translated, from, original, sent = false }: { translated: string; from: string | null; original: React.ReactNode; sent?: boolean }) {
  const { t, i18n } = useTranslation()
  const [showOriginal, setShowOriginal] = useState(false)
  return (
    <>
      {showOriginal ? (
        original
      ) : (
        <p dir="auto" className="bubble-text">
          {translated}
        </p>
      )}
      <span className="translated-note">
        {sent ? t('translation.sentTranslated') : t('translation.from', { language: languageName(from ?? '', i18n.language) })}
        {' · '}
        <button type="button" className="link-button" aria-pressed={showOriginal} onClick={() => setShowOriginal(!showOriginal)}>
          {sent ? t('translation.showSent') : t('translation.showOriginal')}
        </button>
      </span>
    </>
  )
}

/** An internal note: on the staff side, yellow, labelled as never sent to the guest, its mentions marked. */
function NoteBubble({ message, now }: { message: Message; now: number }) {
  const { t, i18n } = useTranslation()
  const author = message.sender.name ?? t('chat.fromProperty')
  const text = message.content.type === 'text' ? message.content.text : ''
  const names = message.mentions.map((mention) => mention.name)
  return (
    <article className="bubble bubble-out bubble-note" data-message-id={message.id} aria-label={t('notes.bubbleLabel', { author })}>
      <span className="bubble-author">
        {author} · <span className="note-label">{t('notes.bubble')}</span>
      </span>
      <p className="bubble-text">
        {noteSegments(text, names).map((segment, index) =>
          segment.mention ? (
            <mark key={index} className="mention">
              {segment.text}
            </mark>
          ) : (
            segment.text
          ),
        )}
      </p>
      <span className="bubble-footer">
        <time className="bubble-time" dateTime={message.createdAt}>
          {messageTime(message.createdAt, now, i18n.language)}
        </time>
      </span>
    </article>
  )
}

/** Where an outbound reply stands on its way to the guest's channel. */
function DeliveryState({ message }: { message: Message }) {
  const { t } = useTranslation()
  const retry = useRetryDelivery(message.conversationId)
  const delivery = message.delivery!
  if (delivery.state === 'not_deliverable') {
    return (
      <span className="delivery delivery-not">
        {t('delivery.notDeliverable', { reason: t(`delivery.reasons.${delivery.notDeliverable ?? 'no channel webhook'}`) })}
      </span>
    )
  }
  return (
    <span className={`delivery delivery-${delivery.state}`} title={delivery.lastError ?? undefined}>
      {t(`delivery.${delivery.state}`)}
      {delivery.state === 'failed' && (
        <button type="button" className="link-button" onClick={() => retry.mutate(message.id)} disabled={retry.isPending}>
          {t('delivery.retry')}
        </button>
      )}
    </span>
  )
}
