import { useTranslation } from 'react-i18next'
import type { MessageContent as Content } from '@api-contract'
import { Highlighted } from '@/components/highlighted'
import { safeUrl } from '@/lib/safe-url'

/**
 * A message's content, by type. Everything is rendered as text nodes (React escapes it); URLs are
 * used only when they are http(s) or the desk's own attachments.
 */
export function MessageContent({ content, find = [] }: { content: Content; find?: readonly string[] }) {
  const { t, i18n } = useTranslation()
  switch (content.type) {
    case 'text':
      return (
        <div className="content-text">
          {content.isMail && <span className="content-tag">{t('content.mail')}</span>}
          <p dir="auto" className="bubble-text">
            <Highlighted text={content.text} terms={find} />
          </p>
        </div>
      )
    case 'email':
      return (
        <div className="content-text">
          <span className="content-tag">{t('content.mail')}</span>
          <p dir="auto" className="bubble-text">
            <strong>{content.subject}</strong>
          </p>
          <p dir="auto" className="bubble-text">
            <Highlighted text={content.body} terms={find} />
          </p>
        </div>
      )
    case 'quick_reply':
      return (
        <p dir="auto" className="bubble-text content-quick-reply">
          <span className="content-tag">{t('content.quickReply')}</span> {content.text}
        </p>
      )
    case 'response':
      return (
        <div>
          <p dir="auto" className="bubble-text">
            {content.text}
          </p>
          <ul className="quick-replies" aria-label={t('content.options')}>
            {content.quickReplies.map((option, index) => (
              <li key={index} className="quick-reply-option">
                {option.title}
              </li>
            ))}
          </ul>
        </div>
      )
    case 'image': {
      const url = safeUrl(content.url)
      return (
        <figure className="content-image">
          {url ? (
            <a href={url} target="_blank" rel="noopener noreferrer">
              <img src={url} alt={content.caption || t('content.image')} loading="lazy" />
            </a>
          ) : (
            <span className="content-tag">{t('content.unsafeLink')}</span>
          )}
          {content.caption && (
            <figcaption dir="auto" className="bubble-text">
              {content.caption}
            </figcaption>
          )}
        </figure>
      )
    }
    case 'file': {
      const url = safeUrl(content.url)
      const label = (
        <>
          <span className="file-ext" aria-hidden="true">
            {fileExtension(content.name)}
          </span>
          <span className="file-name">{content.name}</span>
          {content.size !== undefined && <span className="file-size">{fileSize(content.size, t, i18n.language)}</span>}
        </>
      )
      return url ? (
        <a className="content-file" href={url} target="_blank" rel="noopener noreferrer" download={content.name}>
          {label}
        </a>
      ) : (
        <span className="content-file">{label}</span>
      )
    }
    case 'location': {
      const coordinates = `${content.latitude.toFixed(5)}, ${content.longitude.toFixed(5)}`
      const map = `https://www.openstreetmap.org/?mlat=${content.latitude}&mlon=${content.longitude}#map=17/${content.latitude}/${content.longitude}`
      return (
        <div className="content-card" role="group" aria-label={t('content.location')}>
          <span className="content-tag">{t('content.location')}</span>
          {content.name && (
            <strong dir="auto" className="bubble-text">
              {content.name}
            </strong>
          )}
          {content.address && (
            <span dir="auto" className="bubble-text">
              {content.address}
            </span>
          )}
          <a href={map} target="_blank" rel="noopener noreferrer" className="mono">
            {coordinates}
          </a>
        </div>
      )
    }
    case 'contact':
      return (
        <div className="content-card" role="group" aria-label={t('content.contact')}>
          <span className="content-tag">{t('content.contact')}</span>
          <strong dir="auto" className="bubble-text">
            {content.name}
          </strong>
          {content.phone && <a href={`tel:${content.phone.replace(/[^+\d]/g, '')}`}>{content.phone}</a>}
          {content.email && <a href={`mailto:${encodeURIComponent(content.email).replace('%40', '@')}`}>{content.email}</a>}
        </div>
      )
  }
}

/** A file's type as a short label: "PDF", "DOCX"; "FILE" when its name has no extension. */
function fileExtension(name: string): string {
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(name)
  return match ? match[1]!.toUpperCase() : 'FILE'
}

function fileSize(bytes: number, t: ReturnType<typeof useTranslation>['t'], language: string): string {
  const units = [
    [1024 ** 3, 'gigabyte'],
    [1024 ** 2, 'megabyte'],
    [1024, 'kilobyte'],
  ] as const
  for (const [size, unit] of units) {
    if (bytes >= size)
      return t('content.size', { size: new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(bytes / size) })
  }
  // Intl's short byte unit has no plural ("14 byte"): the count goes through i18next's plural forms.
  return t('content.bytes', { count: bytes })
}
