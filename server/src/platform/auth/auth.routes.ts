import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { DevLoginBody, DevPersonaList, LoginResult, User, WechatLoginBody } from '@contract/auth'
import { ApiErrorBody } from '@contract/errors'
import { currentUser } from '../../plugins/app/authentication'
import { demoPersonaSeeds, listDemoPersonas } from './demo-personas'
import { loginWithOpenid, loginWithWechatCode, toUserView } from './auth.service'

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 429: ApiErrorBody, 503: ApiErrorBody }

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const loginRateLimit = { max: app.config.loginRateLimit, timeWindow: '1 minute' }

  app.post(
    '/auth/wechat',
    {
      config: { rateLimit: loginRateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Log in with a Taro.login code (WeChat jscode2session)',
        body: WechatLoginBody,
        response: { 200: LoginResult, ...errors },
      },
    },
    async (request) => loginWithWechatCode(app.db, app.config, app.roles, app.wechat, request.body.code),
  )

  // Browser and demo login: whatever identifier is given makes or finds that user. Only exists in dev mode,
  // and the configuration refuses dev mode in production.
  if (app.config.authMode === 'dev') {
    app.post(
      '/auth/dev',
      {
        config: { rateLimit: loginRateLimit },
        schema: {
          tags: ['auth'],
          summary: 'Development login by openid (AUTH_MODE=dev only)',
          body: DevLoginBody,
          response: { 200: LoginResult, ...errors },
        },
      },
      async (request) => {
        const persona = demoPersonaSeeds(app.lines).find((item) => item.openid === request.body.openid)
        return loginWithOpenid(app.db, app.config, app.roles, request.body.openid, persona?.nickname ?? '')
      },
    )

    app.get(
      '/auth/dev/personas',
      {
        schema: {
          tags: ['auth'],
          summary: 'The seeded demo users (AUTH_MODE=dev only)',
          response: { 200: DevPersonaList },
        },
      },
      async () => ({ personas: await listDemoPersonas(app.db, app.roles, demoPersonaSeeds(app.lines)) }),
    )
  }

  app.get(
    '/me',
    {
      onRequest: app.authenticate,
      schema: { tags: ['auth'], summary: 'The logged-in user', response: { 200: User, 401: ApiErrorBody } },
    },
    async (request) => toUserView(currentUser(request), app.roles),
  )
}
