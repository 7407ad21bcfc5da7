export type MessageContent =
  | { type: 'text'; text: string }
  | { type: 'email'; subject: string; body: string }

const PREVIEW_LENGTH = 140

/** The plain text a message contributes to previews and search. */
export function contentText(content: MessageContent): string {
  return content.type === 'text' ? content.text : `${content.subject}\n${content.body}`
}

export function contentPreview(content: MessageContent): string {
  const flat = (content.type === 'text' ? content.text : content.subject || content.body).replace(/\s+/g, ' ').trim()
  return flat.length > PREVIEW_LENGTH ? `${flat.slice(0, PREVIEW_LENGTH - 1)}…` : flat
}
