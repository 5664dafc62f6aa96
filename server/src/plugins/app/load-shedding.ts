import underPressure from '@fastify/under-pressure'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '../../lib/errors'

const DELAY_SAMPLE_MS = 250

/**
 * What is never refused: the health check (a busy instance is not a dead one), and the H5 build's
 * files — read from disk already compressed, they cost next to nothing, and one refused script or
 * stylesheet left a page blank for good ("Loading CSS chunk failed"), where a refused API call is
 * asked again by the app.
 */
const neverShed = (request: FastifyRequest) => !request.url.startsWith('/api/') || request.url.startsWith('/api/health')

/**
 * SERVER_BUSY, not SERVICE_UNAVAILABLE: refused in `onRequest`, before the body is read or any of
 * the request is done, so the app may send anything refused this way again — a login or another
 * POST without an idempotency key too — where a database found busy mid-request may have done part.
 */
function busy(reply: FastifyReply): AppError {
  reply.header('retry-after', '1')
  return new AppError(503, 'SERVER_BUSY', '服务繁忙，请稍后再试')
}

/**
 * Sheds API load before requests queue for seconds; the client tries again, then says 服务繁忙, so
 * those let in are answered quickly. The health check and the H5 page's files are never refused.
 *
 * Two signals, because requests wait in two places. Past `maxInFlight` requests in progress on
 * this instance, one more is refused at once. And the embedded database runs its queries on this
 * thread: under a burst the event loop falls behind and requests wait unread in the socket, where
 * no count sees them (a p99 of 3.5 s and a maximum of 6 s were measured at 50 connections, with
 * never more than 32 in progress) — so while the mean event-loop delay is past
 * `maxEventLoopDelayMs` (measured by @fastify/under-pressure), new requests are refused too.
 */
export default fp(
  async function loadShedding(app: FastifyInstance) {
    if (app.config.maxEventLoopDelayMs > 0) {
      // Start-up (migrations, the demo seed) blocks the loop too, and the first sample after it
      // would read as load: delay counts only from two samples after the server listens.
      let countsFrom = Infinity
      app.addHook('onListen', async () => {
        countsFrom = Date.now() + 2 * DELAY_SAMPLE_MS
      })
      await app.register(underPressure, {
        maxEventLoopDelay: app.config.maxEventLoopDelayMs,
        sampleInterval: DELAY_SAMPLE_MS,
        pressureHandler: async (request, reply) => {
          if (!neverShed(request) && Date.now() >= countsFrom) throw busy(reply)
        },
      })
    }
    const limit = app.config.maxInFlight
    if (limit === 0) return
    let inFlight = 0
    app.addHook('onRequest', async (request, reply) => {
      if (neverShed(request)) return
      if (inFlight >= limit) throw busy(reply)
      inFlight++
      // 'close' fires once the answer is sent or the client went away: either way the slot is free.
      reply.raw.once('close', () => {
        inFlight--
      })
    })
  },
  { name: 'load-shedding', dependencies: ['context'] },
)
