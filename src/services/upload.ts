import Taro from '@tarojs/taro'
import type { ApiErrorBody } from '@contract/errors'
import type { UploadedFile } from '@contract/uploads'
import { ApiError } from './api-error'
import { apiConfig } from './config'
import { usableToken } from './session-store'

export interface UploadHandle {
  done: Promise<UploadedFile>
  abort(): void
}

/**
 * Uploads one local file (a WeChat temp path, or a blob: URL on H5) to POST /api/uploads with
 * progress. Rejects with an ApiError like every other call.
 */
const UPLOAD_TIMEOUT_MS = 120_000

export function uploadFile(filePath: string, fileName: string, onProgress: (percent: number) => void): UploadHandle {
  const token = usableToken()
  const task = Taro.uploadFile({
    url: `${apiConfig.baseUrl}/api/uploads`,
    filePath,
    name: 'file',
    fileName,
    header: token ? { authorization: `Bearer ${token}` } : {},
    timeout: UPLOAD_TIMEOUT_MS,
  } as Parameters<typeof Taro.uploadFile>[0])
  task.progress((event) => onProgress(event.progress))
  const done = task.then(
    (result) => {
      let body: unknown = result.data
      try {
        body = typeof result.data === 'string' ? JSON.parse(result.data) : result.data
      } catch {
        // Not JSON: a proxy's error page; handled below.
      }
      if (result.statusCode >= 200 && result.statusCode < 300) return body as UploadedFile
      const error = body as Partial<ApiErrorBody> | undefined
      throw new ApiError(result.statusCode, error?.code ?? 'INTERNAL', error?.message)
    },
    (error: { errMsg?: string }) => {
      throw new ApiError(0, /timeout/i.test(error?.errMsg ?? '') ? 'TIMEOUT' : 'NETWORK')
    },
  )
  // Taro's H5 upload first reads the picked file back from its blob: URL and never settles when
  // that read is refused (a content security policy without blob: in connect-src): its own
  // timeout starts only after. Whatever happens, the file ends as uploaded or failed.
  let watchdog: ReturnType<typeof setTimeout> | undefined
  const expired = new Promise<never>((_, reject) => {
    watchdog = setTimeout(() => {
      task.abort()
      reject(new ApiError(0, 'TIMEOUT'))
    }, UPLOAD_TIMEOUT_MS + 10_000)
  })
  const settled = Promise.race([done, expired]).finally(() => clearTimeout(watchdog))
  return { done: settled, abort: () => task.abort() }
}

/** Signed file links are relative to the API origin. */
export const absoluteFileUrl = (url: string): string => (/^https?:/.test(url) ? url : `${apiConfig.baseUrl}${url}`)
