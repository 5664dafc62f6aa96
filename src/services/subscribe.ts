import Taro from '@tarojs/taro'

export type SubscribeTopic = 'legalAidCase' | 'membership'

/**
 * The subscribe-message template of a kind: the same id the server sends with. Empty in a build
 * without it: then only in-app messages. (The build writes the values in place of process.env.)
 */
function templateOf(topic: SubscribeTopic): string {
  return (topic === 'membership' ? process.env.TARO_APP_SUBSCRIBE_TEMPLATE_MEMBERSHIP : process.env.TARO_APP_SUBSCRIBE_TEMPLATE_CASE) || ''
}

/** Whether this build can ask for that kind of WeChat message at all (never in H5). */
export function canSubscribe(topic: SubscribeTopic): boolean {
  return process.env.TARO_ENV === 'weapp' && templateOf(topic) !== ''
}

/**
 * Asks for one WeChat message of a kind. WeChat allows this only from a tap (call it before any
 * other await in the tap handler), and each acceptance allows the server one message. Resolves
 * with how many were accepted (0 or 1); never rejects: a refusal or an old WeChat must not stop
 * a submission.
 */
export async function requestSubscription(topic: SubscribeTopic): Promise<number> {
  if (!canSubscribe(topic)) return 0
  const template = templateOf(topic)
  try {
    const result = (await Taro.requestSubscribeMessage({ tmplIds: [template], entityIds: [] } as Parameters<
      typeof Taro.requestSubscribeMessage
    >[0])) as unknown as Record<string, string>
    return result[template] === 'accept' ? 1 : 0
  } catch {
    return 0
  }
}
