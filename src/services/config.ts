/**
 * Where the backend is. H5 served by our own server: same origin (empty base). WeChat: the
 * HTTPS domain on the mini-program's whitelist (TARO_APP_API_BASE), or WeChat Cloud Run when
 * TARO_APP_CLOUD_ENV is set. Only public values live here; secrets stay on the server.
 */
export const apiConfig = {
  baseUrl: (process.env.TARO_APP_API_BASE || (process.env.TARO_ENV === 'h5' ? '' : 'http://127.0.0.1:3000')).replace(/\/+$/, ''),
  cloudEnv: process.env.TARO_APP_CLOUD_ENV || '',
  cloudService: process.env.TARO_APP_CLOUD_SERVICE || '',
  timeoutMs: 15_000,
}

export const usesCloudContainer = (): boolean => process.env.TARO_ENV === 'weapp' && apiConfig.cloudEnv !== ''
