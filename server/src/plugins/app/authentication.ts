import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import type { StaffRole } from '@contract/auth'
import { forbidden, unauthenticated } from '../../lib/errors'
import { loadSessionUser, readSession, toAuthUser, type AuthUser } from '../../platform/auth/auth.service'
import { rolesOfUser, upsertUserByOpenid } from '../../platform/auth/auth.repository'

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * onRequest hook: the caller must be logged in; sets `request.user`. Runs before the body is
     * read or validated, so an anonymous caller gets 401, never a 400 about their input.
     */
    authenticate: onRequestAsyncHookHandler
    /** onRequest hook: the caller must hold one of these staff roles (403 otherwise). */
    authorize(...roles: StaffRole[]): onRequestAsyncHookHandler
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

export default fp(
  async function authentication(app: FastifyInstance) {
    app.decorateRequest('user', null)

    async function resolveUser(request: FastifyRequest): Promise<AuthUser | undefined> {
      // Behind WeChat Cloud Run the platform itself vouches for the caller: callContainer requests
      // carry X-WX-SOURCE and X-WX-OPENID, which the public internet cannot set. Trusted only when
      // the deployment says it runs there.
      const openid = request.headers['x-wx-openid']
      if (app.config.trustWxCloudHeaders && request.headers['x-wx-source'] && typeof openid === 'string' && openid) {
        const row = await upsertUserByOpenid(app.db, openid, '')
        return toAuthUser(app.cipher, row, await rolesOfUser(app.db, row.id))
      }
      const token = bearerToken(request)
      if (!token) return undefined
      const session = readSession(app.config, token)
      return session ? loadSessionUser(app.db, app.cipher, session) : undefined
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
