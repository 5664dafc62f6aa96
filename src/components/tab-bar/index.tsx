import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { pressable } from '@/components/button/pressable'
import './index.css'

/** A tab as app.config.ts lists it, with the icons as the H5 build's URLs for them. */
interface TabItem {
  pagePath: string
  text: string
  iconPath?: string
  selectedIconPath?: string
}

declare global {
  interface Window {
    /** The app's config as Taro's H5 entry keeps it (its tab icons already turned into URLs). */
    __taroAppConfig?: { tabBar?: { list?: TabItem[] } }
  }
}

/** The tabs of app.config.ts in a browser: the one list, kept by Taro's H5 entry. */
function h5Tabs(): TabItem[] {
  if (typeof window === 'undefined') return []
  return window.__taroAppConfig?.tabBar?.list ?? []
}

const routeOf = (path: string) => path.replace(/^\//, '').split('?')[0]!

/** Whether the page at `path` is one of the tab pages (home, 我的): those show the tab bar in a browser. */
export function isTabPage(path: string): boolean {
  return process.env.TARO_ENV === 'h5' && h5Tabs().some((tab) => tab.pagePath === routeOf(path))
}

/** The route of the page rendering this (none outside a page: Taro's runtime then has no router). */
function useRoute(): string {
  const router = useRouter() as { path?: string } | null
  return routeOf(router?.path ?? '')
}

/** Whether the page rendering this is a tab page in a browser. */
export const useIsTabPage = (): boolean => isTabPage(useRoute())

/**
 * The tab bar in a browser (H5), drawn by the app (app.config.ts sets `tabBar.custom` for H5).
 * On WeChat the tab bar is WeChat's own. Taro's H5 one was a custom element of its own, with
 * 10-px labels that care mode could not reach, drawn in a frame of its own before the home page:
 * this one is part of the page, its labels and targets grow with care mode, and the current tab
 * is said to screen readers.
 */
export function TabBar() {
  const current = useRoute()
  const tabs = h5Tabs()
  if (process.env.TARO_ENV !== 'h5' || tabs.length === 0) return null
  return (
    <View className='lg-tabbar' role='navigation' aria-label='主菜单'>
      {tabs.map((tab) => {
        const selected = tab.pagePath === current
        const icon = selected ? (tab.selectedIconPath ?? tab.iconPath) : tab.iconPath
        return (
          <View
            key={tab.pagePath}
            className={selected ? 'lg-tabbar__item lg-tabbar__item--selected' : 'lg-tabbar__item'}
            aria-current={selected ? 'page' : undefined}
            {...pressable('button')}
            onClick={() => {
              if (!selected) void Taro.switchTab({ url: `/${tab.pagePath}` })
            }}
          >
            {icon ? <Image className='lg-tabbar__icon' src={icon} imgProps={{ alt: '' }} /> : null}
            <Text className='lg-tabbar__label'>{tab.text}</Text>
          </View>
        )
      })}
    </View>
  )
}
