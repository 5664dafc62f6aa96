import Taro from '@tarojs/taro'
import { MAX_UPLOAD_BYTES } from '@contract/uploads'

/** One file as a form keeps it (in the draft, so it survives leaving the page). */
export interface FileItem {
  key: string
  name: string
  kind: 'image' | 'pdf'
  size: number
  /** Local file: a WeChat temp path, or a blob: URL on H5. */
  path: string
  status: 'uploading' | 'done' | 'failed'
  progress: number
  /** The server's id once uploaded. */
  uploadId?: string
  error?: string
}

export interface PickedFile {
  name: string
  kind: 'image' | 'pdf'
  size: number
  path: string
}

const isCancel = (error: unknown) => /cancel/i.test((error as { errMsg?: string })?.errMsg ?? '')
const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path

/** H5 has no chooseMessageFile: a file input, giving blob: URLs as Taro's own H5 APIs do. */
function pickPdfInBrowser(count: number): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'application/pdf,.pdf'
    input.multiple = count > 1
    input.style.position = 'fixed'
    input.style.left = '-3000px'
    input.onchange = () => {
      const files = Array.from(input.files ?? []).slice(0, count)
      input.remove()
      resolve(files.map((file) => ({ name: file.name, kind: 'pdf', size: file.size, path: URL.createObjectURL(file) })))
    }
    input.oncancel = () => {
      input.remove()
      resolve([])
    }
    document.body.appendChild(input)
    input.click()
  })
}

/** Lets the person pick photos or PDFs; an empty list when they cancel. */
export async function chooseFiles(kind: 'image' | 'pdf', count: number): Promise<PickedFile[]> {
  try {
    if (kind === 'image') {
      const result = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      return result.tempFiles.map((file) => {
        const original = (file as { originalFileObj?: File }).originalFileObj
        return { name: original?.name ?? baseName(file.tempFilePath), kind: 'image', size: file.size, path: file.tempFilePath }
      })
    }
    if (process.env.TARO_ENV === 'h5') return await pickPdfInBrowser(count)
    const result = await Taro.chooseMessageFile({ count, type: 'file', extension: ['pdf'] })
    return result.tempFiles.map((file) => ({ name: file.name, kind: 'pdf', size: file.size, path: file.path }))
  } catch (error) {
    if (isCancel(error)) return []
    throw error
  }
}

export const tooLarge = (file: PickedFile) => file.size > MAX_UPLOAD_BYTES

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** A file left "uploading" when the app was closed never finished: offer a retry. */
export function restoreFiles(items: FileItem[]): FileItem[] {
  return items.map((item) => (item.status === 'uploading' ? { ...item, status: 'failed', error: '上传中断，请重试' } : item))
}

/** Ids of uploaded files, or why the form cannot be sent yet. */
export function filesReady(items: FileItem[]): { ok: true; ids: string[] } | { ok: false; message: string } {
  if (items.some((item) => item.status === 'uploading')) return { ok: false, message: '还有文件正在上传，请稍候' }
  if (items.some((item) => item.status === 'failed')) return { ok: false, message: '有文件上传失败，请重试或删除' }
  return { ok: true, ids: items.flatMap((item) => (item.uploadId ? [item.uploadId] : [])) }
}
