import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { WechatError, type SubscribeMessage } from '../../lib/wechat'

declare module 'fastify' {
  interface FastifyInstance {
    /** Sends WeChat subscribe messages after the change that caused them has committed. */
    subscribeMessages: SubscribeOutbox
  }
}

export interface PendingSubscribeMessage extends SubscribeMessage {
  /** What happened, for logs (e.g. `legal_aid.accepted`); never personal data. */
  event: string
}

/**
 * Subscribe messages are a courtesy on top of the in-app 消息 list: they go out in the
 * background, and a failure (the user revoked it, WeChat is down) is logged and never fails
 * the action that caused it. `idle()` lets tests and shutdown wait for sends in flight.
 */
export class SubscribeOutbox {
  private readonly inFlight = new Set<Promise<void>>()

  constructor(private readonly app: FastifyInstance) {}

  dispatch(messages: readonly PendingSubscribeMessage[]): void {
    for (const message of messages) {
      const sending = this.sendOne(message).finally(() => this.inFlight.delete(sending))
      this.inFlight.add(sending)
    }
  }

  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight])
  }

  private async sendOne({ event, ...message }: PendingSubscribeMessage): Promise<void> {
    try {
      await this.app.wechat.sendSubscribeMessage(message)
      this.app.log.info({ event, template: message.templateId }, 'subscribe message sent')
    } catch (error) {
      const errcode = error instanceof WechatError ? error.errcode : 'unexpected'
      this.app.log.warn({ event, template: message.templateId, errcode }, 'subscribe message not sent; the in-app message stands')
    }
  }
}

export default fp(
  async function subscribeMessages(app: FastifyInstance) {
    const outbox = new SubscribeOutbox(app)
    app.decorate('subscribeMessages', outbox)
    app.addHook('onClose', async () => outbox.idle())
  },
  { name: 'subscribe-messages', dependencies: ['context'] },
)
