import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Message } from '@/api/dto'
import { messageTime } from '@/lib/relative-time'
import { MessageContent } from './message-content'

/** Guest messages sit on the left, the property's (staff, bot, local systems) on the right. */
export const MessageBubble = memo(function MessageBubble({ message, now }: { message: Message; now: number }) {
  const { t, i18n } = useTranslation()
  const fromGuest = message.direction === 'in'
  const author = fromGuest ? t('chat.fromGuest') : (message.sender.name ?? t('chat.fromProperty'))
  return (
    <article className={`bubble ${fromGuest ? 'bubble-in' : 'bubble-out'}`} data-message-id={message.id} aria-label={author}>
      {!fromGuest && <span className="bubble-author">{author}</span>}
      <MessageContent content={message.content} />
      <time className="bubble-time" dateTime={message.createdAt}>
        {messageTime(message.createdAt, now, i18n.language)}
      </time>
    </article>
  )
})
