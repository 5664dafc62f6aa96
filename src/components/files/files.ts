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
  /**
   * The uploaded copy's signed address, asked for again when a kept draft comes back: the local
   * path above does not outlive the app (a WeChat temp file, a blob: URL), the upload does.
   */
  url?: string
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

/** The photos the server takes: the browser must also be able to show them (a thumbnail). */
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png'])

/** Whether a browser can decode the file as a JPG or PNG photo (not a HEIC, a renamed PDF, a broken file). */
export function isUsablePhoto(file: File, timeoutMs = 10_000): Promise<boolean> {
  if (!PHOTO_TYPES.has(file.type)) return Promise.resolve(false)
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file)
    const image = new Image()
    const done = (usable: boolean) => {
      clearTimeout(timer)
      URL.revokeObjectURL(url)
      resolve(usable)
    }
    const timer = setTimeout(() => done(false), timeoutMs)
    image.onload = () => done(image.naturalWidth > 0)
    image.onerror = () => done(false)
    image.src = url
  })
}

/**
 * H5: photos through a file input of our own. Taro's H5 chooseMedia drops a file it cannot read
 * without a word, so the person would see nothing happen; here each file is checked and the ones
 * that are not usable photos come back by name.
 */
export function pickPhotosInBrowser(count: number, usable: (file: File) => Promise<boolean> = isUsablePhoto): Promise<Picked> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/jpeg,image/png,image/*'
    input.multiple = count > 1
    input.style.position = 'fixed'
    input.style.left = '-3000px'
    input.onchange = async () => {
      const files = Array.from(input.files ?? []).slice(0, count)
      input.remove()
      const checked = await Promise.all(files.map(async (file) => ({ file, ok: await usable(file) })))
      resolve({
        files: checked
          .filter((entry) => entry.ok)
          .map(({ file }) => ({ name: file.name, kind: 'image', size: file.size, path: URL.createObjectURL(file) })),
        unusable: checked.filter((entry) => !entry.ok).map(({ file }) => file.name),
      })
    }
    input.oncancel = () => {
      input.remove()
      resolve({ files: [], unusable: [] })
    }
    document.body.appendChild(input)
    input.click()
  })
}

/** What the person picked: the files to upload, and the names of those that cannot be used. */
export interface Picked {
  files: PickedFile[]
  unusable: string[]
}

/** Lets the person pick photos or PDFs; nothing when they cancel. */
export async function chooseFiles(kind: 'image' | 'pdf', count: number): Promise<Picked> {
  if (kind === 'image' && process.env.TARO_ENV === 'h5') return pickPhotosInBrowser(count)
  if (kind === 'pdf' && process.env.TARO_ENV === 'h5') return { files: await pickPdfInBrowser(count), unusable: [] }
  return { files: await chooseInWechat(kind, count), unusable: [] }
}

async function chooseInWechat(kind: 'image' | 'pdf', count: number): Promise<PickedFile[]> {
  try {
    if (kind === 'image') {
      const result = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      return result.tempFiles.map((file) => {
        const original = (file as { originalFileObj?: File }).originalFileObj
        return { name: original?.name ?? baseName(file.tempFilePath), kind: 'image', size: file.size, path: file.tempFilePath }
      })
    }
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
