import Taro, { usePullDownRefresh, useReady, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  Component,
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  type ErrorInfo,
  type MutableRefObject,
  type PropsWithChildren,
  type ReactNode,
} from 'react'
import { Button } from '@/components/button'
import { PrivacySheet } from '@/components/privacy-sheet'
import { ErrorPanel, LoadingPanel, StateView } from '@/components/state-view'
import { TabBar, useIsTabPage } from '@/components/tab-bar'
import { useApi } from '@/hooks/useApi'
import { useCareMode } from '@/hooks/useCareMode'
import { useSession } from '@/hooks/useSession'
import { ApiError, toApiError } from '@/services/api-error'
import { usesCloudContainer } from '@/services/config'
import { currentPageUrl, ensureSession, goToLogin, isWeapp } from '@/services/session'
import { SESSION_EXPIRED_MESSAGE } from '@/services/session-store'
import './index.css'

export interface PageShellProps {
  /** The page's root class: its stylesheet scopes every rule under it. */
  className: string
  /**
   * Pull-down refresh (the page's config sets `enablePullDownRefresh`): reloads what the page
   * shows; the spinner stops when the returned promise settles.
   */
  onRefresh?: () => unknown
  /**
   * The page needs a logged-in person; the sentence says why (e.g. 申请法律援助需要先登录). On WeChat
   * the silent login runs first; in a browser the person is offered the login page and comes back.
   */
  requireLogin?: string
}

/**
 * The root of every page: care mode (larger text and targets) for everything inside, pull-down
 * refresh, the login a page needs, an error boundary so one broken part never blanks the screen,
 * on WeChat the privacy question when a privacy API needs the person's agreement, and in a
 * browser the tab bar on the tab pages.
 */
export function PageShell({ className, onRefresh, requireLogin, children }: PropsWithChildren<PageShellProps>) {
  const { enabled } = useCareMode()
  const tabbed = useIsTabPage()
  const given = useRef(onRefresh)
  given.current = onRefresh
  // What the content registered with usePageRefresh, when the page itself gives no onRefresh.
  const registered = useRef<(() => unknown) | undefined>(undefined)
  usePullDownRefresh(() => {
    void Promise.resolve((given.current ?? registered.current)?.())
      .catch(() => undefined)
      .finally(() => Taro.stopPullDownRefresh())
  })
  useReady(letKeyboardScrollPage)
  return (
    <View className={['lg-page', enabled ? 'lg-care' : '', tabbed ? 'lg-page--tabbed' : '', className].filter(Boolean).join(' ')}>
      <RefreshContext.Provider value={registered}>
        <PageErrorBoundary>{requireLogin ? <LoginRequired reason={requireLogin}>{children}</LoginRequired> : children}</PageErrorBoundary>
      </RefreshContext.Provider>
      {process.env.TARO_ENV === 'weapp' ? <PrivacySheet /> : null}
      {tabbed ? <TabBar /> : null}
    </View>
  )
}
PageShell.displayName = 'PageShell'

/**
 * In a browser what scrolls is Taro's page element, not the window: it is made focusable so the
 * keyboard can scroll a page with nothing on it to press, a dashboard say (axe's
 * scrollable-region-focusable). A tap on the page does not draw a focus ring (:focus-visible).
 */
function letKeyboardScrollPage(): void {
  if (process.env.TARO_ENV !== 'h5') return
  // Taro gives the page's element the page's path (with its stamp) as its id.
  const path = Taro.getCurrentInstance().page?.path
  const element = path ? document.getElementById(path) : null
  if (element && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '0')
}

const RefreshContext = createContext<MutableRefObject<(() => unknown) | undefined> | null>(null)

/** Pull-down refresh for content inside a PageShell that loads its own data (after the login it needs). */
export function usePageRefresh(refresh: () => unknown): void {
  const slot = useContext(RefreshContext)
  useEffect(() => {
    if (!slot) return
    slot.current = refresh
    return () => {
      if (slot.current === refresh) slot.current = undefined
    }
  }, [slot, refresh])
}

export interface RecordPageProps<T> extends Omit<PageShellProps, 'onRefresh'> {
  /** Reads the record the page's `id` query names. */
  load: (id: string) => Promise<T>
  loadingText: string
  children: (record: T, reload: () => Promise<void>) => ReactNode
}

/**
 * A page about one record (a case, an application): reads it once logged in, shows loading,
 * failure and a way back the same way as every page, and reloads it on pull-down.
 */
export function RecordPage<T>({ className, requireLogin, load, loadingText, children }: RecordPageProps<T>) {
  return (
    <PageShell className={className} requireLogin={requireLogin}>
      <Record load={load} loadingText={loadingText}>
        {children}
      </Record>
    </PageShell>
  )
}
RecordPage.displayName = 'RecordPage'

/** What a page says for a link whose record id is cut off or mistyped: the record is not there. */
export const RECORD_LINK_BROKEN = '没有找到这条记录，链接可能不完整，请从列表重新进入'

function Record<T>({ load, loadingText, children }: Pick<RecordPageProps<T>, 'load' | 'loadingText' | 'children'>) {
  const id = useRouter().params.id ?? ''
  const state = useApi(
    () =>
      load(id).catch((caught: unknown) => {
        // The server refused the link's id itself (cut off, mistyped): the record is not there,
        // which is not the person's mistake in a form (填写的内容有误).
        const error = toApiError(caught)
        if (error.code === 'VALIDATION_FAILED' && 'id' in error.fields) throw new ApiError(404, 'NOT_FOUND', RECORD_LINK_BROKEN)
        throw error
      }),
    [id],
  )
  usePageRefresh(state.reload)
  return (
    <StateView state={state} loadingText={loadingText}>
      {(record) => children(record, state.reload)}
    </StateView>
  )
}

function LoginRequired({ reason, children }: PropsWithChildren<{ reason: string }>) {
  const session = useSession()
  const loggedIn = Boolean(session.token) || (usesCloudContainer() && Boolean(session.user))
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    if (!loggedIn && isWeapp) ensureSession().catch(() => setFailed(true))
  }, [loggedIn])
  if (loggedIn) return <>{children}</>
  if (isWeapp && !failed) return <LoadingPanel text='正在登录…' />
  return (
    <View className='lg-card lg-page__login' role='alert'>
      {session.expired ? <Text className='lg-page__expired'>{SESSION_EXPIRED_MESSAGE}</Text> : null}
      <Text>{reason}</Text>
      <Button kind='primary' onClick={() => goToLogin(currentPageUrl())}>
        去登录
      </Button>
    </View>
  )
}

interface BoundaryState {
  failed: boolean
}

/** A render error shows a way to try again instead of an empty white page. */
class PageErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false }

  static getDerivedStateFromError(): BoundaryState {
    return { failed: true }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('page render failed', error, info.componentStack)
  }

  override render(): ReactNode {
    if (this.state.failed) {
      return <ErrorPanel message='页面出了点问题，请重试' onRetry={() => this.setState({ failed: false })} />
    }
    return this.props.children
  }
}
