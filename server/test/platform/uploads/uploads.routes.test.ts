import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { eq } from 'drizzle-orm'
import type { LocalFileStorage } from '../../../src/platform/uploads/storage'
import { sweepUnattachedUploads } from '../../../src/platform/uploads/uploads.service'
import { uploads } from '../../../src/platform/uploads/uploads.tables'
import { JPEG_BYTES, multipartFile, PDF_BYTES, PNG_BYTES } from '../../helpers/files'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { submitCase } from '../../lines/legal-aid/helpers'

function filesUnder(directory: string): string[] {
  if (!fs.existsSync(directory)) return []
  return fs
    .readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
}

describe('POST /api/uploads', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  const upload = (name: string, bytes: Buffer, openid: string | null = 'demo-worker') => {
    const { payload, headers } = multipartFile(name, bytes)
    return t.as(openid)({ method: 'POST', url: '/api/uploads', payload, headers })
  }

  it.each([
    ['photo.png', PNG_BYTES, 'image', 'photo.png'],
    ['IMG_0001.JPG', JPEG_BYTES, 'image', 'IMG_0001.jpg'],
    ['劳动合同.pdf', PDF_BYTES, 'pdf', '劳动合同.pdf'],
    // A PNG saved with a .jpg name is still a PNG: the name follows the content.
    ['screenshot.jpg', PNG_BYTES, 'image', 'screenshot.png'],
  ])('when the content is %s, then 201 with its kind and a clean name', async (name, bytes, kind, shownName) => {
    const response = await upload(name, bytes)
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ kind, name: shownName, size: bytes.length })
    const [row] = await t.database.db.select().from(uploads).where(eq(uploads.id, response.json().id))
    expect(row).toMatchObject({ subjectType: null, size: bytes.length })
    expect(row!.storageKey).toMatch(/^[a-f0-9]{32}$/)
    expect(fs.readFileSync(path.join(t.config.uploadDir, row!.storageKey.slice(0, 2), row!.storageKey))).toEqual(bytes)
  })

  it('when a non-image is renamed .jpg, then 415 and nothing is kept', async () => {
    const before = filesUnder(t.config.uploadDir).length
    const response = await upload('photo.jpg', Buffer.from('#!/bin/sh\necho this is not a picture\n'))
    expect(response.statusCode).toBe(415)
    expect(response.json()).toEqual({ code: 'UNSUPPORTED_FILE_TYPE', message: '只能上传 JPG、PNG 图片或 PDF 文件' })
    expect(filesUnder(t.config.uploadDir)).toHaveLength(before)
  })

  it('when the file is over 10 MB, then 413 PAYLOAD_TOO_LARGE and nothing is kept', async () => {
    const before = filesUnder(t.config.uploadDir).length
    const big = Buffer.concat([PNG_BYTES, Buffer.alloc(10 * 1024 * 1024)])
    const response = await upload('big.png', big)
    expect(response.statusCode).toBe(413)
    expect(response.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '文件不能超过 10 MB' })
    expect(filesUnder(t.config.uploadDir)).toHaveLength(before)
  })

  it('when the name is a path (../../etc/passwd.jpg), then only a clean name is stored and nothing leaves the upload directory', async () => {
    const response = await upload('../../etc/passwd.jpg', JPEG_BYTES)
    expect(response.statusCode).toBe(201)
    expect(response.json().name).toBe('passwd.jpg')
    const windows = await upload('..\\..\\windows\\system.ini.png', PNG_BYTES)
    expect(windows.json().name).toBe('system.ini.png')
    const all = await t.database.db.select().from(uploads)
    expect(all.every((row) => /^[a-f0-9]{32}$/.test(row.storageKey))).toBe(true)
    expect(filesUnder(t.config.uploadDir).every((name) => /^[a-f0-9]{32}$/.test(name))).toBe(true)
    expect(fs.existsSync(path.join(t.config.uploadDir, '..', 'etc'))).toBe(false)
  })

  it('without login, then 401; without a file, then 400', async () => {
    expect((await upload('a.png', PNG_BYTES, null)).statusCode).toBe(401)
    const response = await t.as('demo-worker')({ method: 'POST', url: '/api/uploads', payload: { file: 'x' } })
    expect(response.statusCode).toBe(400)
  })

  it('GET /api/uploads/:id gives the owner a fresh address for a file not yet attached (a kept draft); nobody else gets it', async () => {
    const id = (await upload('photo.png', PNG_BYTES, 'draft-worker')).json().id as string
    const mine = await t.as('draft-worker')({ method: 'GET', url: `/api/uploads/${id}` })
    expect(mine.statusCode).toBe(200)
    expect(mine.json()).toMatchObject({ id, name: 'photo.png', kind: 'image', url: expect.stringMatching(/^\/api\/files\//) })
    const file = await t.as(null)({ method: 'GET', url: mine.json().url })
    expect(file.statusCode).toBe(200)
    expect(file.rawPayload.equals(PNG_BYTES)).toBe(true)

    expect((await t.as('someone-else')({ method: 'GET', url: `/api/uploads/${id}` })).statusCode).toBe(404)
    expect((await t.as(null)({ method: 'GET', url: `/api/uploads/${id}` })).statusCode).toBe(401)
    // Once attached, the record gives the address to whoever may see it; this way no longer does.
    await submitCase(t, 'draft-worker', { attachmentIds: [id] })
    expect((await t.as('draft-worker')({ method: 'GET', url: `/api/uploads/${id}` })).statusCode).toBe(404)
  })

  it('a file nobody attached within a day is swept (row and bytes); an attached one stays', async () => {
    const pending = (await upload('old.png', PNG_BYTES, 'sweep-worker')).json().id as string
    const attached = (await upload('kept.png', PNG_BYTES, 'sweep-worker')).json().id as string
    await submitCase(t, 'sweep-worker', { attachmentIds: [attached] })
    const fresh = (await upload('fresh.png', PNG_BYTES, 'sweep-worker')).json().id as string
    const dayAgo = new Date(Date.now() - 25 * 3600_000)
    for (const id of [pending, attached]) await t.database.db.update(uploads).set({ createdAt: dayAgo }).where(eq(uploads.id, id))
    const [pendingRow] = await t.database.db.select().from(uploads).where(eq(uploads.id, pending))

    const removed = await sweepUnattachedUploads(t.database.db, t.app.fileStorage, new Date(Date.now() - 24 * 3600_000))
    expect(removed).toBe(1)
    const left = (await t.database.db.select({ id: uploads.id }).from(uploads)).map((row) => row.id)
    expect(left).not.toContain(pending)
    expect(left).toEqual(expect.arrayContaining([attached, fresh]))
    expect(await t.app.fileStorage.exists(pendingRow!.storageKey)).toBe(false)
  })

  it('bytes no row names (a crash between writing and recording) are swept once a day old; young and recorded ones stay', async () => {
    const storage = t.app.fileStorage as LocalFileStorage
    const orphan = randomBytes(16).toString('hex')
    const young = randomBytes(16).toString('hex')
    await storage.write(orphan, Readable.from([PNG_BYTES]))
    await storage.write(young, Readable.from([PNG_BYTES]))
    const attached = (await upload('kept-too.png', PNG_BYTES, 'sweep-worker')).json().id as string
    await submitCase(t, 'sweep-worker', { attachmentIds: [attached] })
    const [attachedRow] = await t.database.db.select().from(uploads).where(eq(uploads.id, attached))
    const dayAgo = new Date(Date.now() - 25 * 3600_000)
    for (const key of [orphan, attachedRow!.storageKey]) {
      await fs.promises.utimes(path.join(storage.directory, key.slice(0, 2), key), dayAgo, dayAgo)
    }
    // Something that is not an upload, in the same directory, is not ours to remove.
    fs.writeFileSync(path.join(storage.directory, 'README.txt'), 'kept')

    await sweepUnattachedUploads(t.database.db, storage, new Date(Date.now() - 24 * 3600_000))
    expect(await storage.exists(orphan)).toBe(false)
    expect(await storage.exists(young)).toBe(true)
    expect(await storage.exists(attachedRow!.storageKey)).toBe(true)
    expect(fs.existsSync(path.join(storage.directory, 'README.txt'))).toBe(true)
  })
})

describe('upload rate limit', () => {
  it('when one user uploads more than UPLOAD_RATE_LIMIT an hour, then 429', async () => {
    const t = await createTestApp({ env: { UPLOAD_RATE_LIMIT: '2' } })
    try {
      const statuses: number[] = []
      for (let index = 0; index < 3; index++) {
        const { payload, headers } = multipartFile('a.png', PNG_BYTES)
        statuses.push((await t.as('demo-worker')({ method: 'POST', url: '/api/uploads', payload, headers })).statusCode)
      }
      expect(statuses).toEqual([201, 201, 429])
      // Another user has their own allowance.
      const { payload, headers } = multipartFile('a.png', PNG_BYTES)
      expect((await t.as('demo-member')({ method: 'POST', url: '/api/uploads', payload, headers })).statusCode).toBe(201)
    } finally {
      await t.close()
    }
  })
})
