import type { Static } from 'typebox'
import { isAllowedAttachmentUrl, type MessageContent } from '../../domain/message-content.js'
import { HttpError } from '../../../sync-core/http/http-error.js'
import type { MessageContentSchema } from '../../../api-contract/index.js'

/** Content the schema accepted, once its URLs are known to be http(s) or the desk's own attachments. */
export function checkedContent(content: Static<typeof MessageContentSchema>, field = 'content'): MessageContent {
  if ((content.type === 'image' || content.type === 'file') && !isAllowedAttachmentUrl(content.url)) {
    throw new HttpError(400, 'Bad Request', `${field}.url must be an http(s) address or /v1/attachments/att_…`, [
      { field: `${field}.url`, message: 'must be an http(s) address or /v1/attachments/att_…' },
    ])
  }
  return content
}
