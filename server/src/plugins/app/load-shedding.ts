import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '../../lib/errors'

/**
 * Sheds load before requests queue for seconds. The embedded database runs one query at a time:
 * under a burst, requests wait behind each other and the slowest wait seconds (a p99 of 430 ms and
 * a maximum of 4.1 s were measured at 50 connections). Past `maxInFlight` requests in progress on
 * this instance, one more is refused at once with 503 and Retry-After — the client says 服务繁忙
 * and tries again — so those let in are answered quickly. The health check is never refused: a
 * busy instance is not a dead one.
 */
export default fp(
  async function loadShedding(app: FastifyInstance) {
    const limit = app.config.maxInFlight
    if (limit === 0) return
    let inFlight = 0
    app.addHook('onRequest', async (request, reply) => {
      if (request.url.startsWith('/api/health')) return
      if (inFlight >= limit) {
        reply.header('retry-after', '1')
        throw new AppError(503, 'SERVICE_UNAVAILABLE', '服务繁忙，请稍后再试')
      }
      inFlight++
      // 'close' fires once the answer is sent or the client went away: either way the slot is free.
      reply.raw.once('close', () => {
        inFlight--
      })
    })
  },
  { name: 'load-shedding', dependencies: ['context'] },
)
