import Taro from '@tarojs/taro'

const TEMPLATE = process.env.TARO_APP_SUBSCRIBE_TEMPLATE_CASE || ''

/** Whether this build can ask for case-update WeChat messages at all. */
export const canSubscribe = process.env.TARO_ENV === 'weapp' && TEMPLATE !== ''

/**
 * Asks for one case-update subscribe message. WeChat allows this only from a tap, and each
 * acceptance allows the server one message. Resolves with how many were accepted (0 or 1);
 * never rejects: a refusal or an old WeChat must not stop a submission.
 */
export async function requestCaseSubscription(): Promise<number> {
  if (!canSubscribe) return 0
  try {
    const result = (await Taro.requestSubscribeMessage({ tmplIds: [TEMPLATE], entityIds: [] } as Parameters<
      typeof Taro.requestSubscribeMessage
    >[0])) as unknown as Record<string, string>
    return result[TEMPLATE] === 'accept' ? 1 : 0
  } catch {
    return 0
  }
}
