import Taro from '@tarojs/taro'
import type { SubscribeTopic } from '@contract/subscriptions'
import { addSubscriptions } from './api/core'

/**
 * The subscribe-message template of a topic: the same id the server sends with. Every line uses
 * the one status-update template unless the deployment set its own for the topic. Empty in a build
 * without one: then only in-app messages. (The build writes the values in place of process.env.)
 */
function templateOf(topic: SubscribeTopic): string {
  const override: Partial<Record<SubscribeTopic, string | undefined>> = {
    membership: process.env.TARO_APP_SUBSCRIBE_TEMPLATE_MEMBERSHIP,
    legal_aid: process.env.TARO_APP_SUBSCRIBE_TEMPLATE_CASE,
  }
  return override[topic] || process.env.TARO_APP_SUBSCRIBE_TEMPLATE_STATUS || ''
}

/** Whether this build can ask for that kind of WeChat message at all (never in H5). */
export function canSubscribe(topic: SubscribeTopic): boolean {
  return process.env.TARO_ENV === 'weapp' && templateOf(topic) !== ''
}

/**
 * Asks for one WeChat message of a topic. WeChat allows this only from a tap (call it before any
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

/**
 * Tells the server what the person allowed, against the record it is about (once the record
 * exists). Never rejects: a lost acceptance costs one WeChat message, not the submission.
 */
export async function keepSubscription(subjectType: string, subjectId: string, accepted: number): Promise<number | null> {
  if (accepted <= 0) return null
  try {
    return (await addSubscriptions({ subjectType, subjectId, accepted })).subscribeCredits
  } catch {
    return null
  }
}
