import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import type { StaffRole } from '@contract/auth'
import { forbidden, unauthenticated } from '../../lib/errors'
import { loadSessionRecord, readSession, sessionCaller, toAuthUser, type AuthUser } from '../../platform/auth/auth.service'
import { rolesOfUser, upsertUserByOpenid } from '../../platform/auth/auth.repository'
import { SessionCache } from '../../platform/auth/session-cache'

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * onRequest hook: the caller must be logged in; sets `request.user`. Runs before the body is
     * read or validated, so an anonymous caller gets 401, never a 400 about their input.
     */
    authenticate: onRequestAsyncHookHandler
    /** onRequest hook: the caller must hold one of these staff roles (403 otherwise). */
    authorize(...roles: StaffRole[]): onRequestAsyncHookHandler
    /** Who sessions stand for, kept for reads while the database's announcements are followed. */
    sessions: SessionCache
  }
  interface FastifyRequest {
    user: AuthUser | null
  }
}

/** The logged-in caller of a route guarded by `authenticate`. */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw unauthenticated()
  return request.user
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  if (!header) return undefined
  const [scheme, token] = header.split(' ')
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined
}

/** Only a read is answered from what was kept: anything that acts checks the caller afresh. */
const readsOnly = (request: FastifyRequest) => request.method === 'GET' || request.method === 'HEAD'

export default fp(
  async function authentication(app: FastifyInstance) {
    app.decorateRequest('user', null)
    const sessions = new SessionCache({ ttlMs: app.config.sessionCacheMs })
    app.decorate('sessions', sessions)
    app.addHook('onReady', async () => sessions.follow(app.database))
    // A caller's own change (a phone bound, an invite redeemed, the account deleted) is theirs to
    // read back at once: once anything they sent that acts has been answered (and committed), what
    // this instance kept of them goes, without waiting for the database's announcement.
    app.addHook('onSend', async (request, _reply, payload) => {
      if (request.user && !readsOnly(request)) sessions.forget(request.user.id)
      return payload
    })

    async function resolveUser(request: FastifyRequest): Promise<AuthUser | undefined> {
      // Behind WeChat Cloud Run the platform itself vouches for the caller: callContainer requests
      // carry X-WX-SOURCE and X-WX-OPENID, which the public internet cannot set. Trusted only when
      // the deployment says it runs there.
      const openid = request.headers['x-wx-openid']
      if (app.config.trustWxCloudHeaders && request.headers['x-wx-source'] && typeof openid === 'string' && openid) {
        const kept = readsOnly(request) ? sessions.getByOpenid(openid) : undefined
        if (kept) return kept.user
        const record = await sessions.load(async () => {
          const row = await upsertUserByOpenid(app.db, openid, '')
          return { user: toAuthUser(app.cipher, row, await rolesOfUser(app.db, row.id)), sessionsValidAfter: null }
        })
        return record?.user
      }
      const token = bearerToken(request)
      if (!token) return undefined
      const session = readSession(app.config, token)
      if (!session) return undefined
      const record =
        (readsOnly(request) ? sessions.get(session.userId) : undefined) ??
        (await sessions.load(() => loadSessionRecord(app.db, app.cipher, session.userId)))
      return record ? sessionCaller(record, session) : undefined
    }

    const authenticate: onRequestAsyncHookHandler = async function (request) {
      if (request.user) return
      const user = await resolveUser(request)
      if (!user) throw unauthenticated(bearerToken(request) ? '登录已过期，请重新登录' : undefined)
      request.user = user
    }

    app.decorate('authenticate', authenticate)
    app.decorate('authorize', (...roles: StaffRole[]): onRequestAsyncHookHandler => {
      return async function (request, reply) {
        await authenticate.call(this, request, reply)
        if (!currentUser(request).roles.some((grant) => roles.includes(grant.role))) throw forbidden()
      }
    })
  },
  { name: 'authentication', dependencies: ['context'] },
)
