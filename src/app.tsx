import Taro, { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { pages } from '@contract/pages'
import { CareModeProvider } from '@/hooks/useCareMode'
import { startHomeRequests } from '@/pages/home/requests'
import { installH5Shell } from '@/services/h5-shell'
import { installPrivacyHandler } from '@/services/privacy'
import { ensureSession } from '@/services/session'
import './app.css'

// Before the first page's code has loaded: the home grid's catalogue is on its way meanwhile.
startHomeRequests()

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyHandler()
    installH5Shell()
    // A link to a page that does not exist: a page saying so, with the way home (not a blank screen).
    Taro.onPageNotFound(() => void Taro.redirectTo({ url: pages.account.notFound.path }))
    // On WeChat this logs in silently; in a browser it only picks up an existing session.
    ensureSession().catch(() => undefined)
  })
  return <CareModeProvider>{children}</CareModeProvider>
}

export default App
