import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { isTabPage, TabBar } from './index'

const tabs = [
  { pagePath: 'pages/home/index', text: '首页', iconPath: '/static/home.png', selectedIconPath: '/static/home-active.png' },
  { pagePath: 'pages/mine/index', text: '我的', iconPath: '/static/mine.png', selectedIconPath: '/static/mine-active.png' },
]

const onPage = (path: string) => jest.spyOn(Taro, 'useRouter').mockImplementation(() => ({ params: {}, path }) as never)

describe('the H5 tab bar', () => {
  beforeEach(() => {
    window.__taroAppConfig = { tabBar: { list: tabs } }
    jest.spyOn(Taro, 'switchTab').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }))
  })
  afterEach(() => {
    delete window.__taroAppConfig
    jest.restoreAllMocks()
  })

  it('draws the tabs of the app config, says which one is open, and switches to another on a tap', () => {
    onPage('/pages/home/index')
    render(<TabBar />)
    const home = screen.getByText('首页').parentElement!
    const mine = screen.getByText('我的').parentElement!
    expect(screen.getByRole('navigation', { name: '主菜单' })).toBeTruthy()
    expect(home.getAttribute('aria-current')).toBe('page')
    expect(mine.getAttribute('aria-current')).toBeNull()
    expect(home.querySelector('.lg-tabbar__icon')!.getAttribute('src')).toBe('/static/home-active.png')
    expect(mine.querySelector('.lg-tabbar__icon')!.getAttribute('src')).toBe('/static/mine.png')

    fireEvent.click(home)
    expect(Taro.switchTab).not.toHaveBeenCalled()
    fireEvent.click(mine)
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' })
  })

  it('knows the tab pages by their route, query or not, and nothing else', () => {
    expect(isTabPage('/pages/mine/index')).toBe(true)
    expect(isTabPage('pages/home/index?from=menu')).toBe(true)
    expect(isTabPage('/legal-aid/pages/apply/index')).toBe(false)
    delete window.__taroAppConfig
    expect(isTabPage('/pages/home/index')).toBe(false)
  })

  it('is part of a tab page’s shell, which keeps room for it, and of no other page', () => {
    onPage('/pages/mine/index')
    const { container, unmount } = render(<PageShell className='mine'>内容</PageShell>)
    expect(container.querySelector('.lg-tabbar')).toBeTruthy()
    expect(container.querySelector('.lg-page')!.classList.contains('lg-page--tabbed')).toBe(true)
    unmount()

    onPage('/legal-aid/pages/cases/index')
    const other = render(<PageShell className='la-cases'>内容</PageShell>)
    expect(other.container.querySelector('.lg-tabbar')).toBeNull()
    expect(other.container.querySelector('.lg-page')!.classList.contains('lg-page--tabbed')).toBe(false)
  })
})
