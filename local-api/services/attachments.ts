import { createHash } from 'node:crypto'
import { createReadStream, mkdirSync, renameSync, writeFileSync, type ReadStream } from 'node:fs'
import { join } from 'node:path'
import type { Attachment } from '../db/attachments.js'
import type { Store } from '../db/store.js'
import { newId } from '../domain/ids.js'

/** Largest file the desk stores. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

/** Files uploaded to the desk, kept in the data dir beside the database (attachments/<id>). */
export function createAttachmentService(store: Store, clock: () => number = Date.now) {
  const folder = join(store.dataDir, 'attachments')

  return {
    /**
     * Writes the bytes (durably, then renamed into place) and records them, for `propertyId` (the
     * uploading credential's property; null for one bound to none, such as a staff session).
     */
    save(bytes: Buffer, name: string, mimeType: string, propertyId: string | null): Attachment {
      mkdirSync(folder, { recursive: true })
      const attachment: Attachment = {
        id: newId('att'),
        name,
        mimeType,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        createdAt: clock(),
        propertyId,
        conversationId: null,
      }
      const path = join(folder, attachment.id)
      writeFileSync(`${path}.part`, bytes, { flush: true })
      renameSync(`${path}.part`, path)
      store.attachments.insert(attachment)
      return attachment
    },

    /**
     * The attachment a request bound to `propertyId` (null: bound to none) may download: one of
     * another property, or one not yet used by any property, is not there for it.
     */
    visibleTo(id: string, propertyId: string | null): Attachment | undefined {
      const attachment = store.attachments.get(id)
      if (!attachment || (propertyId !== null && attachment.propertyId !== propertyId)) return undefined
      return attachment
    },

    open(attachment: Attachment): ReadStream {
      return createReadStream(join(folder, attachment.id))
    },
  }
}

export type AttachmentService = ReturnType<typeof createAttachmentService>
