import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Message } from '@/api/dto'
import { messageTime } from '@/lib/relative-time'

/** Guest messages sit on the left, the property's (staff, bot, local systems) on the right. */
export const MessageBubble = memo(function MessageBubble({ message, now }: { message: Message; now: number }) {
  const { t, i18n } = useTranslation()
  const fromGuest = message.direction === 'in'
  const author = fromGuest ? t('chat.fromGuest') : (message.sender.name ?? t('chat.fromProperty'))
  return (
    <article className={`bubble ${fromGuest ? 'bubble-in' : 'bubble-out'}`} data-message-id={message.id} aria-label={author}>
      {!fromGuest && <span className="bubble-author">{author}</span>}
      {message.content.type === 'text' ? (
        <p className="bubble-text">{message.content.text}</p>
      ) : (
        <div className="bubble-text">
          <strong>{message.content.subject}</strong>
          <p>{message.content.body}</p>
        </div>
      )}
      <time className="bubble-time" dateTime={message.createdAt}>
        {messageTime(message.createdAt, now, i18n.language)}
      </time>
    </article>
  )
})
