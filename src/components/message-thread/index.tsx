import { Text, View } from '@tarojs/components'
import type { Attachment } from '@contract/uploads'
import { Button } from '@/components/button'
import { Attachments, FilePicker, filesReady, type FileItem } from '@/components/files'
import { Field, TextArea } from '@/components/form'
import { useUserDraft } from '@/hooks/useDraft'
import { useSubmission } from '@/hooks/useSubmission'
import { formatWhen } from '@/services/format'
import './index.css'

/** A message about a record, as any line sends it. */
export interface ThreadMessage {
  id: string
  /** Which side wrote it (e.g. `worker`, `staff`). */
  from: string
  authorName: string
  body: string
  attachments: readonly Attachment[]
  createdAt: string
}

export interface MessageBody {
  body: string
  attachmentIds: string[]
}

export interface MessageThreadProps {
  messages: readonly ThreadMessage[]
  /** The side this screen is on: its own messages are on the right. */
  self: string
  canSend: boolean
  /** Why nothing can be sent (closed, read-only). */
  closedText: string
  /** Names the draft of the composer (kept per user and record), e.g. `legal-aid-message-<id>`. */
  draftForm: string
  send(body: MessageBody, idempotencyKey: string): Promise<unknown>
  /** After a message went through: reload the record. */
  onSent(): void
  maxLength?: number
}

interface ComposerDraft {
  body: string
  files: FileItem[]
}

/** The conversation about a record: messages with their files, and a composer that never loses text. */
export function MessageThread({ messages, self, canSend, closedText, draftForm, send, onSent, maxLength = 1000 }: MessageThreadProps) {
  return (
    <View className='lg-thread'>
      {messages.length === 0 ? <Text className='lg-muted lg-thread__empty'>还没有消息</Text> : null}
      {messages.map((message) => (
        <View key={message.id} className={`lg-thread__row ${message.from === self ? 'lg-thread__row--mine' : ''}`}>
          <View className='lg-thread__bubble' data-from={message.from}>
            <Text className='lg-thread__author'>{message.authorName}</Text>
            {message.body ? <Text className='lg-thread__text'>{message.body}</Text> : null}
            <Attachments files={message.attachments} />
            <Text className='lg-muted'>{formatWhen(message.createdAt)}</Text>
          </View>
        </View>
      ))}
      {canSend ? (
        <Composer draftForm={draftForm} send={send} onSent={onSent} maxLength={maxLength} />
      ) : (
        <Text className='lg-muted lg-thread__empty'>{closedText}</Text>
      )}
    </View>
  )
}
MessageThread.displayName = 'MessageThread'

function Composer({
  draftForm,
  send,
  onSent,
  maxLength,
}: Pick<MessageThreadProps, 'draftForm' | 'send' | 'onSent'> & { maxLength: number }) {
  const draft = useUserDraft<ComposerDraft>(draftForm, { body: '', files: [] })
  const submission = useSubmission({ reload: onSent })
  const error = submission.fieldErrors.body ?? submission.fieldErrors.attachmentIds

  const submit = async () => {
    const ready = filesReady(draft.value.files)
    if (!ready.ok) return submission.setFieldErrors({ attachmentIds: ready.message })
    const body = { body: draft.value.body.trim(), attachmentIds: ready.ids }
    if (!body.body && body.attachmentIds.length === 0) return submission.setFieldErrors({ body: '请填写消息内容或添加附件' })
    const result = await submission.submit(body, send)
    if (result.ok) {
      draft.update({ body: '', files: [] })
      onSent()
    }
  }

  return (
    <View className='lg-thread__composer'>
      <Field name='body' error={error}>
        <TextArea
          className='lg-thread__input'
          value={draft.value.body}
          maxLength={maxLength}
          placeholder='输入消息…'
          onChange={(body) => {
            draft.update((current) => ({ ...current, body }))
            submission.clearFieldError('body')
          }}
        />
      </Field>
      <FilePicker
        items={draft.value.files}
        onChange={(update) => {
          draft.update((current) => ({ ...current, files: update(current.files) }))
          submission.clearFieldError('attachmentIds')
        }}
      />
      <Button kind='primary' className='lg-thread__send' busy={submission.busy} busyText='发送中…' onClick={() => void submit()}>
        发送
      </Button>
    </View>
  )
}
