import { randomBytes } from 'node:crypto'
import type { Readable } from 'node:stream'
import { and, eq, inArray, isNull, lt, or, type SQL } from 'drizzle-orm'
import type { Attachment, UploadedFile } from '@contract/uploads'
import type { Queryable } from '../../db/client'
import { createSignedToken, readSignedToken } from '../../lib/crypto'
import { AppError, validationFailed } from '../../lib/errors'
import type { FileStorage } from './storage'
import { uploads } from './uploads.tables'

export type UploadRow = typeof uploads.$inferSelect
export type SniffedType = UploadRow['contentType']

/** What the bytes are, from their magic numbers; undefined for anything we do not accept. */
export function sniffContentType(head: Buffer): SniffedType | undefined {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg'
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (head.length >= 5 && head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf'
  return undefined
}

const EXTENSIONS: Record<SniffedType, string[]> = {
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'application/pdf': ['.pdf'],
}

/**
 * A display name from whatever the client called the file: no directories, no control or
 * reserved characters, at most 80 characters, and an extension that matches the content.
 */
export function sanitizeFileName(raw: string | undefined, type: SniffedType): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? ''
  let name = base
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    // Bidirectional overrides and marks make "gpj.exe" read as "exe.jpg": they go too.
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/^[.\s]+/, '')
    .trim()
  const allowed = EXTENSIONS[type]
  const dot = name.lastIndexOf('.')
  const extension = dot >= 0 ? name.slice(dot).toLowerCase() : ''
  // A known extension that lies about the content (a PNG called .jpg) is replaced, not kept.
  const known = Object.values(EXTENSIONS).flat().includes(extension)
  let stem = known ? name.slice(0, dot) : name
  stem = Array.from(stem).slice(0, 70).join('') || (type === 'application/pdf' ? '文件' : '照片')
  name = `${stem}${allowed.includes(extension) ? extension : allowed[0]}`
  return name
}

export const kindOf = (type: SniffedType): UploadedFile['kind'] => (type === 'application/pdf' ? 'pdf' : 'image')

export function toUploadedFile(row: UploadRow): UploadedFile {
  return { id: row.id, name: row.originalName, kind: kindOf(row.contentType), size: row.size }
}

export interface IncomingFile {
  filename: string | undefined
  file: Readable & { truncated?: boolean }
}

/**
 * Streams one upload into storage under a random key, then keeps it only if it is small
 * enough and really is a JPEG, PNG or PDF. The name is only ever stored as data.
 */
export async function storeUpload(db: Queryable, storage: FileStorage, ownerId: string, incoming: IncomingFile, maxBytes: number) {
  const storageKey = randomBytes(16).toString('hex')
  const { size, head } = await storage.write(storageKey, incoming.file)
  if (incoming.file.truncated || size > maxBytes) {
    await storage.remove(storageKey)
    throw new AppError(413, 'PAYLOAD_TOO_LARGE', `文件不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`)
  }
  const contentType = sniffContentType(head)
  if (!contentType || size === 0) {
    await storage.remove(storageKey)
    throw new AppError(415, 'UNSUPPORTED_FILE_TYPE')
  }
  const [row] = await db
    .insert(uploads)
    .values({ ownerId, storageKey, originalName: sanitizeFileName(incoming.filename, contentType), contentType, size })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return toUploadedFile(row)
}

/**
 * Attaches the owner's pending uploads to a record, in the caller's transaction. Anything not
 * theirs, already attached or swept away fails the whole submission with a field message.
 */
export async function attachUploads(
  db: Queryable,
  input: { ownerId: string; ids: readonly string[]; subjectType: string; subjectId: string; field: string },
): Promise<void> {
  const ids = [...new Set(input.ids)]
  if (ids.length === 0) return
  const attached = await db
    .update(uploads)
    .set({ subjectType: input.subjectType, subjectId: input.subjectId, attachedAt: new Date() })
    .where(and(inArray(uploads.id, ids), eq(uploads.ownerId, input.ownerId), isNull(uploads.subjectType)))
    .returning({ id: uploads.id })
  if (attached.length !== ids.length) {
    throw validationFailed({ [input.field]: '有附件已失效，请删除后重新上传' })
  }
}

export async function uploadsFor(db: Queryable, subjectType: string, subjectIds: readonly string[]): Promise<UploadRow[]> {
  if (subjectIds.length === 0) return []
  return db
    .select()
    .from(uploads)
    .where(and(eq(uploads.subjectType, subjectType), inArray(uploads.subjectId, [...subjectIds])))
    .orderBy(uploads.createdAt)
}

const FILE_TOKEN_PURPOSE = 'file'
/** Long enough to look at a case's photos; short enough that a leaked link soon stops working. */
export const FILE_URL_TTL_SECONDS = 15 * 60

interface FileTokenPayload {
  f: string
  exp: number
}

/** A short-lived signed address for one attached file, relative to the API origin. */
export function signedFileUrl(secret: string, uploadId: string, now = Date.now()): string {
  const payload: FileTokenPayload = { f: uploadId, exp: Math.floor(now / 1000) + FILE_URL_TTL_SECONDS }
  // In the query, not the path: it is too long for a path parameter, and logs redact `token=`.
  return `/api/files/${uploadId}?token=${createSignedToken(secret, FILE_TOKEN_PURPOSE, payload)}`
}

/** Whether the token is a live, genuine permission for this file. */
export function fileTokenAllows(secret: string, token: string, uploadId: string, now = Date.now()): boolean {
  const check = readSignedToken<FileTokenPayload>(secret, FILE_TOKEN_PURPOSE, token)
  return check.ok && check.payload.f === uploadId && typeof check.payload.exp === 'number' && check.payload.exp * 1000 > now
}

export function toAttachment(secret: string, row: UploadRow, now = Date.now()): Attachment {
  return { ...toUploadedFile(row), url: signedFileUrl(secret, row.id, now) }
}

export async function findUpload(db: Queryable, id: string): Promise<UploadRow | undefined> {
  const [row] = await db.select().from(uploads).where(eq(uploads.id, id))
  return row
}

/**
 * Removes files nobody attached before `olderThan` (rows and bytes), and bytes older than that
 * which no row names: left by a crash between writing a file and recording it, or between
 * deleting a row here and its bytes. Returns how many uploads were removed.
 */
export async function sweepUnattachedUploads(db: Queryable, storage: FileStorage, olderThan: Date): Promise<number> {
  const stale = await db
    .delete(uploads)
    .where(and(isNull(uploads.subjectType), lt(uploads.createdAt, olderThan)))
    .returning({ storageKey: uploads.storageKey })
  for (const { storageKey } of stale) await storage.remove(storageKey)

  // An upload being written now is younger than `olderThan`, so it is never among these.
  const oldKeys = await storage.keysWrittenBefore(olderThan)
  for (let start = 0; start < oldKeys.length; start += 500) {
    const batch = oldKeys.slice(start, start + 500)
    const named = await db.select({ storageKey: uploads.storageKey }).from(uploads).where(inArray(uploads.storageKey, batch))
    const known = new Set(named.map((row) => row.storageKey))
    for (const key of batch) if (!known.has(key)) await storage.remove(key)
  }
  return stale.length
}

/**
 * Forgets uploads (rows) — the ones a user owns, or those attached to given records — and returns
 * their storage keys: the caller removes the bytes once its transaction has committed (a crash in
 * between leaves bytes no row names, which the daily sweep removes).
 */
export async function forgetUploads(
  db: Queryable,
  which: { ownerId?: string; attachedTo?: { subjectType: string; subjectIds: readonly string[] } },
): Promise<string[]> {
  const conditions: SQL[] = []
  if (which.ownerId) conditions.push(eq(uploads.ownerId, which.ownerId))
  if (which.attachedTo && which.attachedTo.subjectIds.length > 0) {
    conditions.push(
      and(eq(uploads.subjectType, which.attachedTo.subjectType), inArray(uploads.subjectId, [...which.attachedTo.subjectIds]))!,
    )
  }
  if (conditions.length === 0) return []
  const removed = await db
    .delete(uploads)
    .where(or(...conditions))
    .returning({ storageKey: uploads.storageKey })
  return removed.map((row) => row.storageKey)
}
