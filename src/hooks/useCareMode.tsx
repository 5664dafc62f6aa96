import Taro from '@tarojs/taro'
import { createContext, useCallback, useContext, useMemo, useState, type PropsWithChildren } from 'react'
import { readStored, writeStored } from '@/services/storage'

/**
 * 关怀模式 (care mode) for older and low-vision users: larger text and tap targets. The user's
 * own choice is remembered on the device; without one we follow WeChat's font-size setting.
 */
export interface CareMode {
  enabled: boolean
  /** 'user' when chosen in settings, 'system' when following WeChat's font size. */
  source: 'user' | 'system'
  setEnabled(enabled: boolean): void
  /** Forget the user's choice and follow WeChat's font size again. */
  followSystem(): void
}

const STORAGE_KEY = 'lgh.careMode'
/** WeChat's default font size is 16 (px); anything from 18 up means the user asked for larger text. */
const LARGE_SYSTEM_FONT = 18

export function systemPrefersLargeText(): boolean {
  // A browser has no WeChat font size (Taro's H5 answers NaN), and asking would load Taro's
  // device detection (~18 KB) before the first screen: on H5 the build leaves this branch out.
  if (process.env.TARO_ENV !== 'h5') {
    try {
      const info = (Taro.getAppBaseInfo?.() ?? Taro.getSystemInfoSync()) as { fontSizeSetting?: number }
      return typeof info.fontSizeSetting === 'number' && info.fontSizeSetting >= LARGE_SYSTEM_FONT
    } catch {
      return false
    }
  }
  return false
}

const CareModeContext = createContext<CareMode>({
  enabled: false,
  source: 'system',
  setEnabled: () => undefined,
  followSystem: () => undefined,
})

export function CareModeProvider({ children }: PropsWithChildren) {
  const [choice, setChoice] = useState<'on' | 'off' | undefined>(() => readStored<'on' | 'off'>(STORAGE_KEY))
  const [systemLarge] = useState(systemPrefersLargeText)

  const setEnabled = useCallback((enabled: boolean) => {
    const next = enabled ? 'on' : 'off'
    writeStored(STORAGE_KEY, next)
    setChoice(next)
  }, [])

  const followSystem = useCallback(() => {
    writeStored(STORAGE_KEY, '')
    setChoice(undefined)
  }, [])

  const value = useMemo<CareMode>(
    () => ({
      enabled: choice ? choice === 'on' : systemLarge,
      source: choice ? 'user' : 'system',
      setEnabled,
      followSystem,
    }),
    [choice, systemLarge, setEnabled, followSystem],
  )
  return <CareModeContext.Provider value={value}>{children}</CareModeContext.Provider>
}

export function useCareMode(): CareMode {
  return useContext(CareModeContext)
}
