/**
 * What a message carries. Every dialect and the native API translate to this one shape; the store
 * keeps it as JSON beside its plain text (for search and previews). Text is only ever text: the
 * inbox never renders any of it as HTML.
 */
export type MessageContent =
  | { type: 'text'; text: string; isMail?: boolean }
  | { type: 'email'; subject: string; body: string }
  /** The guest tapped one of the options of a `response`. */
  | { type: 'quick_reply'; text: string; payload?: string }
  /** A reply that offers the guest options to tap. */
  | { type: 'response'; text: string; quickReplies: QuickReplyOption[] }
  | { type: 'image'; url: string; caption?: string; mimeType?: string; size?: number }
  | { type: 'file'; url: string; name: string; mimeType?: string; size?: number }
  | { type: 'location'; latitude: number; longitude: number; name?: string; address?: string }
  | { type: 'contact'; name: string; phone?: string; email?: string }

export interface QuickReplyOption {
  title: string
  payload?: string
}

export type ContentType = MessageContent['type']
export const CONTENT_TYPES = ['text', 'email', 'quick_reply', 'response', 'image', 'file', 'location', 'contact'] as const satisfies readonly ContentType[]

const PREVIEW_LENGTH = 140

/** The plain text a message contributes to search. */
export function contentText(content: MessageContent): string {
  switch (content.type) {
    case 'text':
    case 'quick_reply':
      return content.text
    case 'response':
      return [content.text, ...content.quickReplies.map((option) => option.title)].join('\n')
    case 'email':
      return `${content.subject}\n${content.body}`
    case 'image':
      return content.caption ?? ''
    case 'file':
      return content.name
    case 'location':
      return [content.name, content.address].filter(Boolean).join('\n')
    case 'contact':
      return [content.name, content.phone, content.email].filter(Boolean).join('\n')
  }
}

/**
 * True when a message says nothing: a text (or quick reply, response) of whitespace only, an email
 * whose subject and body are both blank. Images, files, locations and contacts carry their own data.
 */
export function isBlankContent(content: MessageContent): boolean {
  const blank = (value: string | undefined) => value === undefined || value.trim() === ''
  switch (content.type) {
    case 'text':
    case 'quick_reply':
    case 'response':
      return blank(content.text)
    case 'email':
      return blank(content.subject) && blank(content.body)
    default:
      return false
  }
}

/** One line for the conversation list. */
export function contentPreview(content: MessageContent): string {
  const line = (() => {
    switch (content.type) {
      case 'email':
        return content.subject || content.body
      case 'image':
        return content.caption ? `Photo: ${content.caption}` : 'Photo'
      case 'file':
        return `File: ${content.name}`
      case 'location':
        return `Location: ${content.name ?? `${content.latitude}, ${content.longitude}`}`
      case 'contact':
        return `Contact: ${content.name}`
      default:
        return content.text
    }
  })()
  const flat = line.replace(/\s+/g, ' ').trim()
  return flat.length > PREVIEW_LENGTH ? `${flat.slice(0, PREVIEW_LENGTH - 1)}…` : flat
}

/**
 * Where an image or file may point: our own attachment store, or an http(s) address. Anything else
 * (javascript:, data:, file:) is refused at the edge.
 */
export function isAllowedAttachmentUrl(url: string): boolean {
  if (/^\/v1\/attachments\/att_[0-9A-Z]{26}$/.test(url)) return true
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
  } catch {
    return false
  }
}
