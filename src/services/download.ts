import Taro from '@tarojs/taro'
import type { ApiErrorBody } from '@contract/errors'
import { ApiError } from './api-error'
import { apiConfig, usesCloudContainer } from './config'
import { recoverFromUnauthenticated } from './request'
import { usableToken } from './session-store'

/** What the person reads when an export fails with nothing better to say. */
export const EXPORT_FAILED = '导出失败，请稍后再试'
/** A spreadsheet can take the server a while to build: longer than an ordinary request. */
const DOWNLOAD_TIMEOUT_MS = 60_000

/**
 * Downloads an authenticated GET that answers with an .xlsx (a line's export: 报名名单, 帮扶台账…)
 * and puts it in front of the person: in WeChat it opens in WeChat's document viewer, whose menu
 * forwards or saves it under `fileName`; in a browser it is saved as `fileName`. Rejects with an
 * ApiError whose message is fit to show: the server's own (no permission…), a network failure,
 * or 导出失败，请稍后再试. A gone session is renewed once, as `request` does.
 */
export async function openSpreadsheet(path: string, fileName: string): Promise<void> {
  const name = spreadsheetName(fileName)
  for (let attempt = 0; ; attempt++) {
    try {
      if (process.env.TARO_ENV === 'weapp') return await openInWechat(path, name)
      return await saveInBrowser(path, name)
    } catch (error) {
      const unauthenticated = error instanceof ApiError && error.status === 401
      if (!unauthenticated || attempt > 0 || !(await recoverFromUnauthenticated())) throw error
    }
  }
}

/** A name a file system accepts, ending in .xlsx (what WeChat's viewer and Excel go by). */
export function spreadsheetName(fileName: string): string {
  const cleaned = fileName.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^[._]+/, '') || '导出'
  return /\.xlsx$/i.test(cleaned) ? cleaned : `${cleaned}.xlsx`
}

function authHeader(): Record<string, string> {
  const token = usableToken()
  return token ? { authorization: `Bearer ${token}` } : {}
}

/** The failure of a download that answered `status`, in the app's words. */
export function exportError(status: number, body?: unknown): ApiError {
  const error = body && typeof body === 'object' && 'code' in body && 'message' in body ? (body as ApiErrorBody) : undefined
  if (error) return new ApiError(status, error.code, error.message)
  if (status === 401) return new ApiError(401, 'UNAUTHENTICATED')
  return new ApiError(status, status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED', EXPORT_FAILED)
}

const transportError = (error: unknown) =>
  new ApiError(0, /timeout|超时/i.test((error as { errMsg?: string } | null)?.errMsg ?? String(error)) ? 'TIMEOUT' : 'NETWORK')

// ── In a browser ────────────────────────────────────────────────────────────────────────────

async function saveInBrowser(path: string, fileName: string): Promise<void> {
  let response: Response
  try {
    response = await fetch(`${apiConfig.baseUrl}${path}`, { headers: authHeader() })
  } catch (error) {
    throw transportError(error)
  }
  if (!response.ok) throw exportError(response.status, await response.json().catch(() => undefined))
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The click only starts the download: revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

// ── In WeChat ───────────────────────────────────────────────────────────────────────────────

async function openInWechat(path: string, fileName: string): Promise<void> {
  // A user file with the export's name, not a temp file: forwarding it from the viewer keeps the
  // name (a temp file would be forwarded as tmp_6f1c….xlsx). Each export of that name replaces
  // the last, so the mini-program's file space does not fill up.
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  const files = Taro.getFileSystemManager()
  forget(files, filePath)
  if (usesCloudContainer()) await downloadThroughCloud(path, filePath, files)
  else await downloadDirect(path, filePath, files)
  try {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
  } catch {
    throw new ApiError(0, 'INTERNAL', '表格已下载，但无法打开，请稍后再试')
  }
}

async function downloadDirect(path: string, filePath: string, files: Taro.FileSystemManager): Promise<void> {
  let result: Taro.downloadFile.FileSuccessCallbackResult
  try {
    result = await Taro.downloadFile({ url: `${apiConfig.baseUrl}${path}`, header: authHeader(), filePath, timeout: DOWNLOAD_TIMEOUT_MS })
  } catch (error) {
    throw transportError(error)
  }
  if (result.statusCode >= 200 && result.statusCode < 300) return
  // WeChat saves whatever came back, the error's JSON included: read it for the message, then drop it.
  const body = readJson(files, result.filePath || filePath)
  forget(files, result.filePath || filePath)
  throw exportError(result.statusCode, body)
}

/** Behind WeChat Cloud Run there is no URL to download from: the bytes come back through callContainer. */
async function downloadThroughCloud(path: string, filePath: string, files: Taro.FileSystemManager): Promise<void> {
  let result: { statusCode: number; data: unknown }
  try {
    result = await Taro.cloud.callContainer({
      config: { env: apiConfig.cloudEnv },
      path,
      method: 'GET',
      header: { ...authHeader(), 'X-WX-SERVICE': apiConfig.cloudService },
      responseType: 'arraybuffer',
      timeout: DOWNLOAD_TIMEOUT_MS,
    } as Parameters<typeof Taro.cloud.callContainer>[0])
  } catch (error) {
    throw transportError(error)
  }
  // The error's JSON is bytes here too; its status still tells enough (no TextDecoder on every phone).
  if (result.statusCode < 200 || result.statusCode >= 300) throw exportError(result.statusCode)
  await new Promise<void>((resolve, reject) =>
    files.writeFile({
      filePath,
      data: result.data as ArrayBuffer,
      success: () => resolve(),
      fail: () => reject(new ApiError(0, 'INTERNAL', '无法保存表格，请检查手机存储空间后再试')),
    }),
  )
}

function readJson(files: Taro.FileSystemManager, filePath: string): unknown {
  try {
    return JSON.parse(String(files.readFileSync(filePath, 'utf8')))
  } catch {
    return undefined
  }
}

function forget(files: Taro.FileSystemManager, filePath: string): void {
  try {
    files.unlinkSync(filePath)
  } catch {
    // Not there: nothing to forget.
  }
}
