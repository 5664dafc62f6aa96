import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useEffect, useRef } from 'react'
import { uploadEvidence, type UploadHandle } from '@/services/upload'
import { toApiError } from '@/services/api-error'
import { chooseEvidence, formatSize, restoreEvidence, tooLarge, type EvidenceItem, type PickedFile } from './evidence'
import './shared.css'

export interface EvidencePickerProps {
  items: EvidenceItem[]
  onChange(update: (items: EvidenceItem[]) => EvidenceItem[]): void
  max: number
  /** Offer PDFs as well as photos. */
  allowPdf?: boolean
  error?: string
}

let localCounter = 0
const localKey = () => `f${Date.now().toString(36)}${(localCounter++).toString(36)}`

/**
 * Photos and PDFs for a case: each file uploads as soon as it is picked, with its progress;
 * a failed one can be retried, and any can be removed before the form is sent.
 */
export function EvidencePicker({ items, onChange, max, allowPdf = true, error }: EvidencePickerProps) {
  const tasks = useRef(new Map<string, UploadHandle>())

  useEffect(() => {
    onChange(restoreEvidence)
    const running = tasks.current
    return () => running.forEach((task) => task.abort())
    // Only once: files left uploading by a previous visit can no longer finish.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const patch = (key: string, changes: Partial<EvidenceItem>) =>
    onChange((current) => current.map((item) => (item.key === key ? { ...item, ...changes } : item)))

  const start = (item: Pick<EvidenceItem, 'key' | 'path' | 'name'>) => {
    const handle = uploadEvidence(item.path, item.name, (progress) => patch(item.key, { progress }))
    tasks.current.set(item.key, handle)
    handle.done
      .then((uploaded) => patch(item.key, { status: 'done', progress: 100, uploadId: uploaded.id, name: uploaded.name, error: undefined }))
      .catch((caught: unknown) => patch(item.key, { status: 'failed', error: toApiError(caught).message }))
      .finally(() => tasks.current.delete(item.key))
  }

  const add = async (kind: 'image' | 'pdf') => {
    const room = max - items.length
    if (room <= 0) {
      void Taro.showToast({ title: `最多上传 ${max} 个文件`, icon: 'none' })
      return
    }
    let picked: PickedFile[]
    try {
      picked = await chooseEvidence(kind, room)
    } catch {
      void Taro.showToast({ title: '没能打开文件，请重试', icon: 'none' })
      return
    }
    const accepted = picked.slice(0, room).filter((file) => !tooLarge(file))
    if (accepted.length < picked.length) void Taro.showToast({ title: '单个文件不能超过 10 MB', icon: 'none' })
    const fresh = accepted.map((file): EvidenceItem => ({ ...file, key: localKey(), status: 'uploading', progress: 0 }))
    onChange((current) => [...current, ...fresh])
    fresh.forEach(start)
  }

  const retry = (item: EvidenceItem) => {
    patch(item.key, { status: 'uploading', progress: 0, error: undefined })
    start(item)
  }

  const remove = (item: EvidenceItem) => {
    tasks.current.get(item.key)?.abort()
    onChange((current) => current.filter((candidate) => candidate.key !== item.key))
  }

  return (
    <View className='evidence'>
      {items.map((item) => (
        <View key={item.key} className='evidence-item' data-status={item.status}>
          {item.kind === 'image' ? (
            <Image className='evidence-thumb' src={item.path} mode='aspectFill' />
          ) : (
            <View className='evidence-thumb evidence-pdf'>
              <Text>PDF</Text>
            </View>
          )}
          <View className='evidence-text'>
            <Text className='evidence-name'>{item.name}</Text>
            {item.status === 'uploading' ? (
              <View className='evidence-progress' aria-label={`已上传 ${item.progress}%`}>
                <View className='evidence-progress-bar' style={{ width: `${item.progress}%` }} />
              </View>
            ) : null}
            <Text className={`muted ${item.status === 'failed' ? 'evidence-error' : ''}`}>
              {item.status === 'uploading'
                ? `上传中 ${item.progress}%`
                : item.status === 'done'
                  ? `已上传 · ${formatSize(item.size)}`
                  : (item.error ?? '上传失败')}
            </Text>
          </View>
          <View className='evidence-actions'>
            {item.status === 'failed' ? (
              <Text className='link-button' onClick={() => retry(item)}>
                重试
              </Text>
            ) : null}
            <Text className='link-button link-danger' onClick={() => remove(item)}>
              删除
            </Text>
          </View>
        </View>
      ))}
      {items.length < max ? (
        <View className='evidence-add'>
          <View className='btn evidence-add-photo' onClick={() => void add('image')}>
            + 照片
          </View>
          {allowPdf ? (
            <View className='btn evidence-add-pdf' onClick={() => void add('pdf')}>
              + PDF 文件
            </View>
          ) : null}
        </View>
      ) : null}
      <Text className='muted'>
        已选 {items.length}/{max} 个，每个不超过 10 MB，支持 JPG、PNG、PDF
      </Text>
      {error ? <Text className='field-error'>{error}</Text> : null}
    </View>
  )
}
EvidencePicker.displayName = 'EvidencePicker'

/** Ids of uploaded files, or why the form cannot be sent yet. */
export function evidenceReady(items: EvidenceItem[]): { ok: true; ids: string[] } | { ok: false; message: string } {
  if (items.some((item) => item.status === 'uploading')) return { ok: false, message: '还有文件正在上传，请稍候' }
  if (items.some((item) => item.status === 'failed')) return { ok: false, message: '有文件上传失败，请重试或删除' }
  return { ok: true, ids: items.flatMap((item) => (item.uploadId ? [item.uploadId] : [])) }
}
