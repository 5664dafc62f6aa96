import * as z from 'zod/mini'
import { UUID_PATTERN } from './common'

/** Files attached to records (evidence photos, certificates, PDFs): the same rules in every line. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
export const MAX_ATTACHMENTS = 9

export const UploadedFile = z.object({
  id: z.string(),
  /** The original file name, cleaned of anything path-like. */
  name: z.string(),
  kind: z.enum(['image', 'pdf']),
  size: z.number(),
})
export type UploadedFile = z.infer<typeof UploadedFile>

export const Attachment = z.object({
  ...UploadedFile.shape,
  /** Short-lived signed address (relative to the API origin); ask for the record again when it expires. */
  url: z.string(),
})
export type Attachment = z.infer<typeof Attachment>

const UploadId = z.string({ error: '附件编号格式不正确' }).check(z.regex(UUID_PATTERN, '附件编号格式不正确'))

/** The uploads a submission attaches, by id. */
export const attachmentIds = (max = MAX_ATTACHMENTS) =>
  z.array(UploadId, { error: '附件格式不正确' }).check(z.maxLength(max, `最多上传 ${max} 个文件`))
