import { count, eq } from 'drizzle-orm'
import { AppError } from '../../src/lib/errors'
import { runIdempotent } from '../../src/core/idempotency'
import { notices } from '../../src/platform/catalogue/catalogue.tables'
import { findUserByOpenid } from '../../src/platform/auth/auth.repository'
import { createTestApp, type TestApp } from '../helpers/test-app'

describe('runIdempotent', () => {
  let t: TestApp
  let userId: string

  beforeAll(async () => {
    t = await createTestApp()
    await t.tokenFor('demo-worker')
    userId = (await findUserByOpenid(t.database.db, 'demo-worker'))!.id
  })
  afterAll(() => t.close())

  const noticeCount = async () => Number((await t.database.db.select({ value: count() }).from(notices))[0]?.value)
  const createNotice = (title: string) =>
    runIdempotent(
      t.database.db,
      { cipher: t.app.cipher, userId, scope: 'test.notice', key: 'key-0001', body: { title }, statusCode: 201 },
      async (tx) => {
        const [row] = await tx.insert(notices).values({ title, body: 'b' }).returning()
        return { id: row!.id, title }
      },
    )

  it('when the same submission arrives twice, even at once, then one record and the same answer', async () => {
    const before = await noticeCount()
    const [first, second] = await Promise.all([createNotice('同一个'), createNotice('同一个')])
    const third = await createNotice('同一个')
    expect(await noticeCount()).toBe(before + 1)
    expect(second.body).toEqual(first.body)
    expect(third).toMatchObject({ body: first.body, replayed: true, statusCode: 201 })
  })

  it('when retries race work that refuses a second record, then every retry gets the first answer, not the refusal', async () => {
    // Like "you already applied": the work itself checks for what an earlier attempt wrote.
    const applyOnce = () =>
      runIdempotent(
        t.database.db,
        { cipher: t.app.cipher, userId, scope: 'test.once', key: 'key-0003', body: {}, statusCode: 201 },
        async (tx) => {
          const existing = await tx.select().from(notices).where(eq(notices.title, '只能一次'))
          if (existing.length > 0) throw new AppError(409, 'CONFLICT', '已经提交过了')
          const [row] = await tx.insert(notices).values({ title: '只能一次', body: 'b' }).returning()
          return { id: row!.id }
        },
      )
    const answers = await Promise.all([applyOnce(), applyOnce(), applyOnce(), applyOnce()])
    expect(answers.map((answer) => answer.statusCode)).toEqual([201, 201, 201, 201])
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1)
  })

  it('when the key is reused for a different body, then 422 IDEMPOTENCY_KEY_REUSED', async () => {
    await expect(createNotice('不同的内容')).rejects.toMatchObject({ statusCode: 422, code: 'IDEMPOTENCY_KEY_REUSED' })
  })

  it('when the work fails, then nothing is remembered and a retry runs it', async () => {
    const call = { cipher: t.app.cipher, userId, scope: 'test.fail', key: 'key-0002', body: {}, statusCode: 201 }
    await expect(runIdempotent(t.database.db, call, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    const retried = await runIdempotent(t.database.db, call, async () => ({ ok: true }))
    expect(retried).toMatchObject({ replayed: false, body: { ok: true } })
  })
})
