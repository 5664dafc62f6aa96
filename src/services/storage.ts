import Taro from '@tarojs/taro'

/** Device storage that never throws: a full or broken storage must not break a page. */
export function readStored<T>(key: string): T | undefined {
  try {
    const value = Taro.getStorageSync(key) as T | '' | undefined
    return value === '' || value === undefined || value === null ? undefined : (value as T)
  } catch {
    return undefined
  }
}

export function writeStored(key: string, value: unknown): boolean {
  try {
    Taro.setStorageSync(key, value)
    return true
  } catch {
    return false
  }
}

export function removeStored(key: string): void {
  try {
    Taro.removeStorageSync(key)
  } catch {
    // Nothing stored is nothing lost.
  }
}
