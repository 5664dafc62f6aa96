import { listNotices, listServices } from '@/services/api/core'
import { startEarly, takeEarly } from '@/services/early'

// What the home page shows first, asked for as early as the app can: the grid is the first screen.
export const loadServices = () => takeEarly('home:services', listServices)
export const loadNotices = () => takeEarly('home:notices', listNotices)

/**
 * In a browser opened on the home page (the bare address, as a 公众号 menu opens it), starts the
 * home page's requests while the app's code still runs and the page's code is still on its way.
 * On WeChat the page's code is already in the package: nothing to gain, nothing done.
 */
export function startHomeRequests(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof location === 'undefined') return
  const route = location.hash.replace(/^#\/?/, '').split('?')[0]
  if (route !== '' && route !== 'pages/home/index') return
  startEarly('home:services', listServices)
  startEarly('home:notices', listNotices)
}
