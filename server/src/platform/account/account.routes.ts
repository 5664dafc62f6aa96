import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { DeleteAccountBody, DeleteAccountResult, MyData, PhoneResult, UpdateContactBody, WechatPhoneBody } from '@contract/account'
import { ApiErrorBody } from '@contract/errors'
import { runInTransaction } from '../../core/submission'
import { bindVerifiedPhone, deleteAccount, myData, updateContactPhone } from './account.service'
import { phoneFromWechat } from './phone'

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 404: ApiErrorBody, 409: ApiErrorBody, 422: ApiErrorBody, 429: ApiErrorBody }

/** My data across every line: see it, correct the contact phone, delete the account. */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate)

  app.get(
    '/me/data',
    {
      schema: {
        tags: ['me'],
        summary: 'Everything we hold about me, line by line (sensitive numbers masked)',
        response: { 200: MyData, 401: ApiErrorBody },
      },
    },
    async (request) => myData(app.serviceContext(request), app.lines),
  )

  app.put(
    '/me/contact',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['me'],
        summary: 'Correct my contact phone (typed)',
        body: UpdateContactBody,
        response: { 200: PhoneResult, ...errors },
      },
    },
    async (request) => runInTransaction(app, request, (context) => updateContactPhone(context, app.lines, request.body.phone)),
  )

  app.post(
    '/me/phone/wechat',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['me'],
        summary: "Bind the phone WeChat verified (getPhoneNumber button's code)",
        body: WechatPhoneBody,
        response: { 200: PhoneResult, ...errors, 503: ApiErrorBody },
      },
    },
    async (request) => {
      // WeChat is asked outside the transaction: no database connection waits on the network.
      const phone = await phoneFromWechat(app.wechat, request.body.code)
      return runInTransaction(app, request, (context) => bindVerifiedPhone(context, app.lines, phone))
    },
  )

  app.post(
    '/me/delete',
    {
      schema: {
        tags: ['me'],
        summary: 'Delete my account and withdraw consent, in every line (the session stops working)',
        body: DeleteAccountBody,
        response: { 200: DeleteAccountResult, 400: ApiErrorBody, 401: ApiErrorBody },
      },
    },
    async (request) => {
      const { result, storageKeys } = await runInTransaction(app, request, (context) => deleteAccount(context, app.lines))
      // The rows are gone; the bytes go now. A crash here leaves bytes no row names: the sweep removes them.
      await Promise.all(storageKeys.map((key) => app.fileStorage.remove(key).catch(() => undefined)))
      return result
    },
  )
}
