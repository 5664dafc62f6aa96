import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { CareModeProvider } from '@/hooks/useCareMode'
import { installPrivacyHandler } from '@/services/privacy'
import { ensureSession } from '@/services/session'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyHandler()
    // On WeChat this logs in silently; in a browser it only picks up an existing session.
    ensureSession().catch(() => undefined)
  })
  return <CareModeProvider>{children}</CareModeProvider>
}

export default App
