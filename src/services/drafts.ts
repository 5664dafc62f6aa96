import Taro from '@tarojs/taro'
import { removeStored } from './storage'

/**
 * Drafts are kept on the device per form and per user: `lgh.draft.<form>.<userId>`, so that
 * several people sharing a phone never see each other's input, and deleting an account can
 * forget every draft of that user.
 */
export function draftKey(form: string, userId: string): string {
  return `lgh.draft.${form}.${userId}`
}

/** Forgets every draft of this user on this device (after deleting the account). */
export function forgetDraftsOf(userId: string): void {
  try {
    const { keys } = Taro.getStorageInfoSync()
    for (const key of keys) if (key.startsWith('lgh.draft.') && key.endsWith(`.${userId}`)) removeStored(key)
  } catch {
    // Storage unavailable: nothing to forget.
  }
}
