import { Image, Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { MAX_ATTACHMENTS } from '@contract/uploads'
import { Button, pressable } from '@/components/button'
import { toApiError } from '@/services/api-error'
import { getMyUpload } from '@/services/api/core'
import { tell, toast } from '@/services/dialogs'
import { absoluteFileUrl } from '@/services/upload'
import { uploadFile, type UploadHandle } from '@/services/upload'
import { chooseFiles, formatSize, restoreFiles, tooLarge, type FileItem, type Picked } from './files'
import './index.css'

export interface FilePickerProps {
  items: FileItem[]
  onChange(update: (items: FileItem[]) => FileItem[]): void
  max?: number
  /** Offer PDFs as well as photos. */
  allowPdf?: boolean
  error?: string
}

let localCounter = 0
const localKey = () => `f${Date.now().toString(36)}${(localCounter++).toString(36)}`

/**
 * Photos and PDFs for a request or a message: each file uploads as soon as it is picked, with its
 * progress; a failed one can be retried, and any can be removed before the form is sent.
 */
export function FilePicker({ items, onChange, max = MAX_ATTACHMENTS, allowPdf = true, error }: FilePickerProps) {
  const tasks = useRef(new Map<string, UploadHandle>())

  useEffect(() => {
    onChange(restoreFiles)
    // A kept draft's photos: their local copies may be gone, the uploads are not (until attached or swept).
    for (const item of items) {
      if (item.status !== 'done' || !item.uploadId) continue
      getMyUpload(item.uploadId)
        .then((uploaded) => patch(item.key, { url: uploaded.url }))
        .catch((caught: unknown) => {
          if (toApiError(caught).code === 'NOT_FOUND') patch(item.key, { status: 'failed', error: '文件已失效，请删除后重新选择' })
        })
    }
    const running = tasks.current
    return () => running.forEach((task) => task.abort())
    // Only once: files left uploading by a previous visit can no longer finish.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const patch = (key: string, changes: Partial<FileItem>) =>
    onChange((current) => current.map((item) => (item.key === key ? { ...item, ...changes } : item)))

  const start = (item: Pick<FileItem, 'key' | 'path' | 'name'>) => {
    const handle = uploadFile(item.path, item.name, (progress) => patch(item.key, { progress }))
    tasks.current.set(item.key, handle)
    handle.done
      .then((uploaded) => patch(item.key, { status: 'done', progress: 100, uploadId: uploaded.id, name: uploaded.name, error: undefined }))
      .catch((caught: unknown) => patch(item.key, { status: 'failed', error: toApiError(caught).message }))
      .finally(() => tasks.current.delete(item.key))
  }

  const add = async (kind: 'image' | 'pdf') => {
    const room = max - items.length
    if (room <= 0) return toast(`最多上传 ${max} 个文件`)
    let picked: Picked
    try {
      picked = await chooseFiles(kind, room)
    } catch {
      return toast('没能打开文件，请重试')
    }
    if (picked.unusable.length > 0) {
      tell(
        '有照片没有添加',
        `${picked.unusable.map((name) => `“${name}”`).join('、')}不是能打开的照片。请选择 JPG 或 PNG 格式的照片，或者重新拍一张。`,
      )
    }
    const accepted = picked.files.slice(0, room).filter((file) => !tooLarge(file))
    if (accepted.length < picked.files.length) toast('单个文件不能超过 10 MB')
    const fresh = accepted.map((file): FileItem => ({ ...file, key: localKey(), status: 'uploading', progress: 0 }))
    onChange((current) => [...current, ...fresh])
    fresh.forEach(start)
  }

  const retry = (item: FileItem) => {
    patch(item.key, { status: 'uploading', progress: 0, error: undefined })
    start(item)
  }

  const remove = (item: FileItem) => {
    tasks.current.get(item.key)?.abort()
    onChange((current) => current.filter((candidate) => candidate.key !== item.key))
  }

  return (
    <View className='lg-files'>
      {items.map((item) => (
        <View key={item.key} className='lg-files__item' data-status={item.status}>
          <Thumb kind={item.kind} src={item.path} fallback={item.url ? absoluteFileUrl(item.url) : undefined} name={item.name} />
          <View className='lg-files__text'>
            <Text className='lg-files__name'>{item.name}</Text>
            {item.status === 'uploading' ? (
              <View className='lg-files__progress' aria-label={`已上传 ${item.progress}%`}>
                <View className='lg-files__progress-bar' style={{ width: `${item.progress}%` }} />
              </View>
            ) : null}
            <Text className={`lg-muted ${item.status === 'failed' ? 'lg-files__error' : ''}`}>
              {item.status === 'uploading'
                ? `上传中 ${item.progress}%`
                : item.status === 'done'
                  ? `已上传 · ${formatSize(item.size)}`
                  : (item.error ?? '上传失败')}
            </Text>
          </View>
          <View className='lg-files__actions'>
            {item.status === 'failed' ? (
              <Text className='lg-link' {...pressable()} onClick={() => retry(item)}>
                重试
              </Text>
            ) : null}
            <Text className='lg-link lg-link--danger' {...pressable()} onClick={() => remove(item)}>
              删除
            </Text>
          </View>
        </View>
      ))}
      {items.length < max ? (
        <View className='lg-files__add'>
          <Button className='lg-files__add-photo' onClick={() => void add('image')}>
            + 照片
          </Button>
          {allowPdf ? (
            <Button className='lg-files__add-pdf' onClick={() => void add('pdf')}>
              + PDF 文件
            </Button>
          ) : null}
        </View>
      ) : null}
      <Text className='lg-muted'>
        已选 {items.length}/{max} 个，每个不超过 10 MB，支持 JPG、PNG、PDF
      </Text>
      {error ? <Text className='lg-field__error'>{error}</Text> : null}
    </View>
  )
}
FilePicker.displayName = 'FilePicker'

/**
 * A file's thumbnail. A photo whose local copy is gone (a draft kept while the app was closed keeps
 * a temporary path) is shown from its uploaded copy (`fallback`), and without one as a plain tile
 * rather than a broken image.
 */
export function Thumb({
  kind,
  src,
  fallback,
  size = 'small',
  name,
}: {
  kind: 'image' | 'pdf'
  src: string
  fallback?: string
  size?: 'small' | 'large'
  /** The file's name, for a screen reader. */
  name?: string
}) {
  const [broken, setBroken] = useState<readonly string[]>([])
  const shown = [src, fallback].find((candidate): candidate is string => Boolean(candidate) && !broken.includes(candidate!))
  if (kind === 'image' && shown) {
    return (
      <Image
        key={shown}
        className={`lg-files__thumb lg-files__thumb--${size}`}
        src={shown}
        mode='aspectFill'
        imgProps={{ alt: name ?? '照片' }}
        onError={() => setBroken((current) => [...current, shown])}
      />
    )
  }
  return (
    <View className={`lg-files__thumb lg-files__thumb--${size} lg-files__thumb--plain`}>
      <Text>{kind === 'pdf' ? 'PDF' : '照片'}</Text>
    </View>
  )
}
