import Taro from '@tarojs/taro'
import { Image, Text, Textarea, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import dayjs from 'dayjs'
import {
  caseStatusLabel,
  MAX_ATTACHMENTS,
  type CaseAttachment,
  type CaseMessage,
  type CaseStatus,
  type MyCaseDetail,
} from '@contract/lines/legal-aid'
import type { TimelineEvent } from '@contract/timeline'
import { useDraft } from '@/hooks/useDraft'
import { toApiError } from '@/services/api-error'
import { newIdempotencyKey } from '@/services/request'
import { absoluteFileUrl } from '@/services/upload'
import { EvidencePicker, evidenceReady } from './EvidencePicker'
import type { EvidenceItem } from './evidence'
import './shared.css'

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm')

/** An amount of money as people say it: 12,000 元. */
export const formatYuan = (amount: number) => `${amount.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`

export function StatusTag({ status }: { status: CaseStatus }) {
  return (
    <Text className={`status-tag status-${status}`} data-status={status}>
      {caseStatusLabel[status]}
    </Text>
  )
}
StatusTag.displayName = 'StatusTag'

function openAttachment(file: CaseAttachment, all: CaseAttachment[]) {
  const url = absoluteFileUrl(file.url)
  if (file.kind === 'image') {
    const images = all.filter((item) => item.kind === 'image').map((item) => absoluteFileUrl(item.url))
    void Taro.previewImage({ current: url, urls: images })
  } else if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank')
  } else {
    Taro.downloadFile({ url })
      .then((result) => Taro.openDocument({ filePath: result.tempFilePath, fileType: 'pdf' }))
      .catch(() => void Taro.showToast({ title: '文件打开失败，请稍后重试', icon: 'none' }))
  }
}

export function Attachments({ files }: { files: CaseAttachment[] }) {
  if (files.length === 0) return null
  return (
    <View className='attachments'>
      {files.map((file) => (
        <View key={file.id} className='attachment' onClick={() => openAttachment(file, files)}>
          {file.kind === 'image' ? (
            <Image className='attachment-thumb' src={absoluteFileUrl(file.url)} mode='aspectFill' />
          ) : (
            <View className='attachment-thumb evidence-pdf'>
              <Text>PDF</Text>
            </View>
          )}
          <Text className='attachment-name'>{file.name}</Text>
        </View>
      ))}
    </View>
  )
}
Attachments.displayName = 'Attachments'

function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='detail-row'>
      <Text className='muted'>{label}</Text>
      {typeof children === 'string' ? <Text className='detail-value'>{children}</Text> : children}
    </View>
  )
}

export interface CaseApplicationCardProps {
  item: Pick<MyCaseDetail, 'description' | 'demand' | 'amountInvolved' | 'employerName' | 'employerAddress' | 'attachments'>
  /** Legal staff also weigh the monthly income; the worker knows their own. */
  monthlyIncome?: number
  /** The contact line: masked for the worker, tap-to-call for staff. */
  contact: ReactNode
}

/** What the worker asked for, as both the worker and legal staff see it. */
export function CaseApplicationCard({ item, monthlyIncome, contact }: CaseApplicationCardProps) {
  const amount = item.amountInvolved === null ? '未填' : formatYuan(item.amountInvolved)
  return (
    <View className='card'>
      <DetailRow label='事情经过'>{item.description}</DetailRow>
      <DetailRow label='诉求'>{item.demand}</DetailRow>
      {monthlyIncome !== undefined ? (
        <DetailRow label='涉案金额 / 月收入'>{`${amount} / ${formatYuan(monthlyIncome)}`}</DetailRow>
      ) : item.amountInvolved !== null ? (
        <DetailRow label='涉案金额'>{amount}</DetailRow>
      ) : null}
      <DetailRow label='用人单位'>{`${item.employerName}（${item.employerAddress}）`}</DetailRow>
      <DetailRow label='联系人'>{contact}</DetailRow>
      <DetailRow label='证据材料'>{item.attachments.length ? <Attachments files={item.attachments} /> : '未上传'}</DetailRow>
    </View>
  )
}
CaseApplicationCard.displayName = 'CaseApplicationCard'

export function CaseTimeline({ events }: { events: TimelineEvent[] }) {
  return (
    <View className='timeline'>
      {events.map((event) => {
        const isNote = event.fromStatus === event.toStatus
        return (
          <View key={event.id} className='timeline-item' data-internal={event.internal ? 'true' : 'false'}>
            <View className='timeline-dot' />
            <View className='timeline-body'>
              <View className='timeline-head'>
                <Text className='timeline-title'>
                  {isNote ? '进展' : (caseStatusLabel[event.toStatus as CaseStatus] ?? event.toStatus)}
                </Text>
                {event.internal ? <Text className='tag'>内部</Text> : null}
              </View>
              {event.note ? <Text className='timeline-note'>{event.note}</Text> : null}
              <Text className='muted'>
                {event.actorName} · {when(event.at)}
              </Text>
            </View>
          </View>
        )
      })}
    </View>
  )
}
CaseTimeline.displayName = 'CaseTimeline'

interface ComposerDraft {
  body: string
  files: EvidenceItem[]
  key: string
}

export interface CaseThreadProps {
  messages: CaseMessage[]
  /** Whose side this screen is on: their own messages are on the right. */
  self: 'worker' | 'staff'
  canSend: boolean
  closedText: string
  draftKey: string
  send(body: { body: string; attachmentIds: string[] }, idempotencyKey: string): Promise<unknown>
  onSent(): void
}

/** The conversation about a case: messages with attachments, and a composer that never loses text. */
export function CaseThread({ messages, self, canSend, closedText, draftKey, send, onSent }: CaseThreadProps) {
  const draft = useDraft<ComposerDraft>(draftKey, { body: '', files: [], key: newIdempotencyKey() })
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string>()

  const submit = async () => {
    const ready = evidenceReady(draft.value.files)
    if (!ready.ok) return setError(ready.message)
    if (!draft.value.body.trim() && ready.ids.length === 0) return setError('请填写消息内容或添加附件')
    setSending(true)
    setError(undefined)
    try {
      await send({ body: draft.value.body.trim(), attachmentIds: ready.ids }, draft.value.key)
      draft.update({ body: '', files: [], key: newIdempotencyKey() })
      onSent()
    } catch (caught) {
      const apiError = toApiError(caught)
      setError(apiError.fields.body ?? apiError.fields.attachmentIds ?? apiError.message)
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='thread'>
      {messages.length === 0 ? <Text className='muted thread-empty'>还没有消息</Text> : null}
      {messages.map((message) => (
        <View key={message.id} className={`bubble-row ${message.from === self ? 'bubble-mine' : ''}`}>
          <View className='bubble' data-from={message.from}>
            <Text className='bubble-author'>{message.authorName}</Text>
            {message.body ? <Text className='bubble-text'>{message.body}</Text> : null}
            <Attachments files={message.attachments} />
            <Text className='muted'>{when(message.createdAt)}</Text>
          </View>
        </View>
      ))}
      {canSend ? (
        <View className='composer'>
          <Textarea
            className='composer-input'
            value={draft.value.body}
            maxlength={1000}
            autoHeight
            placeholder='输入消息…'
            onInput={(event) => {
              const body = event.detail.value
              draft.update((current) => ({ ...current, body }))
            }}
          />
          <EvidencePicker
            items={draft.value.files}
            onChange={(update) => draft.update((current) => ({ ...current, files: update(current.files) }))}
            max={MAX_ATTACHMENTS}
          />
          {error ? <Text className='field-error'>{error}</Text> : null}
          <View className={`btn btn-primary composer-send ${sending ? 'btn-busy' : ''}`} onClick={() => !sending && void submit()}>
            {sending ? '发送中…' : '发送'}
          </View>
        </View>
      ) : (
        <Text className='muted thread-empty'>{closedText}</Text>
      )}
    </View>
  )
}
CaseThread.displayName = 'CaseThread'
