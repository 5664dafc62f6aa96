import type { NoticeList, ServiceLineList } from '@contract/catalogue'
import { SERVED_CATALOGUE_ID, type ServedCatalogue } from '@contract/served-page'
import { listNotices, listServices } from '@/services/api/core'
import { startEarly, takeEarly } from '@/services/early'

// What the home page shows first, asked for as early as the app can: the grid is the first screen.
export const loadServices = () => takeEarly('home:services', listServices)
export const loadNotices = () => takeEarly('home:notices', listNotices)

/** The catalogue block the server wrote into the H5 page, when there is one we can read. */
function servedBlock(): { element: Element; catalogue: ServedCatalogue } | undefined {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return undefined
  const element = document.getElementById(SERVED_CATALOGUE_ID)
  if (!element) return undefined
  try {
    const found = JSON.parse(element.textContent ?? '') as Partial<ServedCatalogue>
    if (Array.isArray(found.services) && Array.isArray(found.notices))
      return { element, catalogue: { services: found.services, notices: found.notices } }
  } catch {
    // Not one we can read: the home asks the API.
  }
  return undefined
}

/**
 * The catalogue the server wrote into the H5 page, for the home's first render, once (the block
 * is taken out of the page): the grid is drawn at once instead of after a request and a loading
 * state. A later visit to the home, and a pull-down refresh, ask the API. Undefined on WeChat.
 */
export function takeServedCatalogue(): { services: ServiceLineList; notices: NoticeList } | undefined {
  const found = servedBlock()
  if (!found) return undefined
  found.element.remove()
  return { services: { services: found.catalogue.services }, notices: { notices: found.catalogue.notices } }
}

/**
 * In a browser opened on the home page (the bare address, as a 公众号 menu opens it), starts the
 * home page's requests while the app's code still runs and the page's code is still on its way —
 * unless the page already brought what they would fetch.
 * On WeChat the page's code is already in the package: nothing to gain, nothing done.
 */
export function startHomeRequests(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof location === 'undefined') return
  const route = location.hash.replace(/^#\/?/, '').split('?')[0]
  if (route !== '' && route !== 'pages/home/index') return
  if (servedBlock()) return
  startEarly('home:services', listServices)
  startEarly('home:notices', listNotices)
}
