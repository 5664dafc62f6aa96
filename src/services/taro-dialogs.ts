import Taro from '@tarojs/taro'

/** The app's red, not WeChat's green, on every dialog's confirm button. */
const CONFIRM_COLOR = '#c8161d'
const DANGER_COLOR = '#b42318'

export interface ConfirmOptions {
  title: string
  content: string
  confirmText: string
  /** An irreversible step (结案, 注销账号): the confirm button in the danger colour. */
  danger?: boolean
}

/** Asks before a step that matters; resolves whether the person confirmed. */
export async function confirm({ title, content, confirmText, danger }: ConfirmOptions): Promise<boolean> {
  const answer = await Taro.showModal({
    title,
    content,
    confirmText,
    cancelText: '取消',
    confirmColor: danger ? DANGER_COLOR : CONFIRM_COLOR,
  })
  return answer.confirm
}

/** Tells something the person must acknowledge (a refusal, a changed record). */
export function tell(title: string, content: string): void {
  void Taro.showModal({ title, content, showCancel: false, confirmText: '知道了', confirmColor: CONFIRM_COLOR })
}

/** A short note that goes away by itself. */
export function toast(title: string): void {
  void Taro.showToast({ title, icon: 'none', duration: 2500 })
}
