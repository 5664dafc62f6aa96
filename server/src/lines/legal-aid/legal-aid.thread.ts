import { eq } from 'drizzle-orm'
import { isCaseOpen, legalAidWorkflow, type CaseMessage, type CaseMessageBody } from '@contract/lines/legal-aid'
import type { ServiceContext } from '../../core/context'
import { AppError } from '../../lib/errors'
import { attachUploads, toAttachment, uploadsFor } from '../../platform/uploads/uploads.service'
import type { CaseWithPeople } from './legal-aid.repository'
import { legalAidCases, legalAidMessages } from './legal-aid.tables'
import { authorNameOf, MESSAGE_SUBJECT } from './legal-aid.views'

/** A message on a case, from either side; the case must still be open. */
export async function insertMessage(
  context: ServiceContext,
  item: CaseWithPeople,
  role: 'worker' | 'staff',
  input: CaseMessageBody,
): Promise<CaseMessage> {
  const { db, user, cipher, now } = context
  const { row } = item
  if (!isCaseOpen(row.status)) throw new AppError(409, 'WRONG_STATUS', `案件${legalAidWorkflow.statusLabel[row.status]}，不能再发送消息`)
  const [message] = await db
    .insert(legalAidMessages)
    .values({ caseId: row.id, authorId: user.id, authorRole: role, bodyEnc: cipher.encrypt(input.body) })
    .returning()
  if (!message) throw new Error('insert returned no row')
  await attachUploads(db, {
    ownerId: user.id,
    ids: input.attachmentIds ?? [],
    subjectType: MESSAGE_SUBJECT,
    subjectId: message.id,
    field: 'attachmentIds',
  })
  await db
    .update(legalAidCases)
    .set({ awaitingReply: role === 'worker', updatedAt: now })
    .where(eq(legalAidCases.id, row.id))
  const files = await uploadsFor(db, MESSAGE_SUBJECT, [message.id])
  return {
    id: message.id,
    from: role,
    authorName: authorNameOf(role, role === 'worker' ? 'applicant' : 'staff', row.contactName, user.nickname),
    body: input.body,
    attachments: files.map((file) => toAttachment(context.config.authSecret, file, now.getTime())),
    createdAt: message.createdAt.toISOString(),
  }
}
