import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { CareModeProvider } from '@/hooks/useCareMode'
import { installH5Shell } from '@/services/h5-shell'
import { installPrivacyHandler } from '@/services/privacy'
import { ensureSession } from '@/services/session'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyHandler()
    installH5Shell()
    // On WeChat this logs in silently; in a browser it only picks up an existing session.
    ensureSession().catch(() => undefined)
  })
  return <CareModeProvider>{children}</CareModeProvider>
}

export default App
