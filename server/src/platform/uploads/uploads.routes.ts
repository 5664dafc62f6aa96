import fastifyMultipart from '@fastify/multipart'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import * as z from 'zod/mini'
import { IdParams } from '@contract/common'
import { ApiErrorBody } from '@contract/errors'
import { Attachment, MAX_UPLOAD_BYTES, UploadedFile } from '@contract/uploads'
import { AppError, notFound } from '../../lib/errors'
import { currentUser } from '../../plugins/app/authentication'
import { fileTokenAllows, findUpload, storeUpload, toAttachment } from './uploads.service'

/**
 * A body that is not well-formed multipart (no boundary, cut off mid-file, a broken part header) is
 * the client's mistake: a 400 saying to upload again, not a 500. The parser's own 4xx stand.
 */
async function malformedUploadIs400<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof AppError) throw error
    const status = (error as { statusCode?: unknown }).statusCode
    if (typeof status === 'number' && status >= 400 && status < 500) throw error
    const message = String((error as Error).message ?? '')
    if (/boundary|multipart|unexpected end|malformed|part|aborted|premature/i.test(message)) {
      throw new AppError(400, 'VALIDATION_FAILED', '文件没有上传完整，请重新上传')
    }
    throw error
  }
}

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 413: ApiErrorBody, 415: ApiErrorBody, 429: ApiErrorBody }

export const uploadsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, parts: 5, fieldSize: 1024, headerPairs: 50 },
  })

  app.post(
    '/uploads',
    {
      onRequest: app.authenticate,
      config: { rateLimit: { max: app.config.uploadRateLimit, timeWindow: '1 hour' } },
      schema: {
        tags: ['uploads'],
        summary: 'Upload one evidence file (multipart, field `file`): JPEG, PNG or PDF, at most 10 MB',
        consumes: ['multipart/form-data'],
        response: { 201: UploadedFile, ...errors },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError(400, 'VALIDATION_FAILED', '请选择要上传的文件')
      const stored = await malformedUploadIs400(async () => {
        const part = await request.file()
        if (!part) throw new AppError(400, 'VALIDATION_FAILED', '请选择要上传的文件')
        return storeUpload(app.db, app.fileStorage, currentUser(request).id, part, MAX_UPLOAD_BYTES)
      })
      request.log.info({ uploadId: stored.id, size: stored.size, kind: stored.kind }, 'file uploaded')
      return reply.status(201).send(stored)
    },
  )

  // A form kept on the device names its files by id; the local copy of a photo is gone once the
  // app was closed. Its owner gets it back from here (a fresh signed address) until it is attached
  // or swept; anyone else is told it does not exist.
  app.get(
    '/uploads/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['uploads'],
        summary: 'One of my uploads, with a short-lived signed address: a kept draft shows its photo again',
        params: IdParams,
        response: { 200: Attachment, 400: ApiErrorBody, 401: ApiErrorBody, 404: ApiErrorBody },
      },
    },
    async (request) => {
      const row = await findUpload(app.db, request.params.id)
      if (!row || row.ownerId !== currentUser(request).id || row.subjectType !== null) {
        throw notFound('文件已失效，请重新上传')
      }
      return toAttachment(app.config.authSecret, row)
    },
  )

  // No login: an <Image> cannot send a header. The signed, expiring token is the permission;
  // only the pages of people allowed to see the record receive one.
  app.get(
    '/files/:id',
    {
      schema: {
        tags: ['uploads'],
        summary: 'An attached file, through a short-lived signed address from the record it belongs to',
        params: IdParams,
        querystring: z.object({ token: z.string().check(z.maxLength(400)) }),
      },
    },
    async (request, reply) => {
      const allowed = fileTokenAllows(app.config.authSecret, request.query.token, request.params.id)
      // The token is the permission: issued with a record to those who may see it, and for a file
      // not yet attached only to its owner (GET /uploads/:id).
      const row = allowed ? await findUpload(app.db, request.params.id) : undefined
      if (!row || !(await app.fileStorage.exists(row.storageKey))) throw notFound('文件不存在或链接已过期')
      return reply
        .header('content-type', row.contentType)
        .header('content-length', String(row.size))
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.originalName)}`)
        .header('cache-control', 'private, max-age=300')
        .header('x-content-type-options', 'nosniff')
        .send(app.fileStorage.read(row.storageKey))
    },
  )
}
