import { randomUUID } from 'node:crypto'
import type { InjectOptions } from 'fastify'
import { eq, sql } from 'drizzle-orm'
import type { AuthUser, KeptSessionUser } from '../../../src/platform/auth/auth.service'
import { SessionCache } from '../../../src/platform/auth/session-cache'
import { orgs } from '../../../src/platform/orgs/orgs.tables'
import { users } from '../../../src/platform/auth/auth.tables'
import { countQueries } from '../../helpers/query-count'
import { eventually } from '../../helpers/server-process'
import { createTestApp, type TestApp } from '../../helpers/test-app'

const kept = (id: string, nickname = 'kept'): KeptSessionUser => ({
  user: {
    id,
    openid: `o-${id}`,
    nickname,
    realName: null,
    phone: null,
    phoneVerified: false,
    createdAt: new Date(0),
    roles: [],
  } as AuthUser,
  sessionsValidAfter: null,
})

describe('SessionCache', () => {
  const following = () => {
    const cache = new SessionCache({ ttlMs: 60_000 })
    cache.connected()
    return cache
  }

  it('keeps nothing and serves nothing until the announcements are followed', async () => {
    const cache = new SessionCache({ ttlMs: 60_000 })
    expect(cache.state).toBe('connecting')
    await cache.load(async () => kept('u1'))
    cache.connected()
    expect(cache.get('u1')).toBeUndefined()
    await cache.load(async () => kept('u1'))
    expect(cache.get('u1')?.user.nickname).toBe('kept')
  })

  it('drops a user when their change is announced, and everyone on *', async () => {
    const cache = following()
    await cache.load(async () => kept('u1'))
    await cache.load(async () => kept('u2'))
    cache.message('u1')
    expect(cache.get('u1')).toBeUndefined()
    expect(cache.get('u2')).toBeDefined()
    cache.message('*')
    expect(cache.get('u2')).toBeUndefined()
  })

  it('does not keep a load that began before a change was announced (it may have read the row before the commit)', async () => {
    const cache = following()
    let finishRead: (value: KeptSessionUser) => void = () => undefined
    const loading = cache.load(() => new Promise<KeptSessionUser>((resolve) => (finishRead = resolve)))
    cache.message('u1')
    finishRead(kept('u1', 'read before the change'))
    expect((await loading)?.user.nickname).toBe('read before the change')
    expect(cache.get('u1')).toBeUndefined()
  })

  it('when the announcements are lost, then it forgets everything and serves nothing until they are back', async () => {
    const cache = following()
    await cache.load(async () => kept('u1'))
    cache.lost()
    expect(cache.state).toBe('reconnecting')
    expect(cache.get('u1')).toBeUndefined()
    await cache.load(async () => kept('u1'))
    expect(cache.get('u1')).toBeUndefined()
    cache.connected()
    expect(cache.state).toBe('following')
    expect(cache.get('u1')).toBeUndefined()
  })

  it('with a time of 0 it is off and keeps nothing', async () => {
    const cache = new SessionCache({ ttlMs: 0 })
    cache.connected()
    await cache.load(async () => kept('u1'))
    expect(cache.state).toBe('off')
    expect(cache.get('u1')).toBeUndefined()
  })
})

describe('the caller kept between requests, on two instances of one database', () => {
  const ENV = { SESSION_CACHE_SECONDS: '60', TRUST_WX_CLOUD_HEADERS: 'true' }
  let first: TestApp
  let second: TestApp

  beforeAll(async () => {
    first = await createTestApp({ env: ENV })
    second = await createTestApp({ env: ENV, database: first.database })
    await eventually(() => (first.app.sessions.state === 'following' && second.app.sessions.state === 'following') || undefined)
  })
  afterAll(async () => {
    await second.close()
    await first.close()
  })

  /** How many statements the database was sent while `t` answered this request. */
  async function queriesFor(t: TestApp, openid: string, request: InjectOptions): Promise<{ status: number; queries: number }> {
    const { result: response, queries } = await countQueries(t.database, () => t.as(openid)(request))
    return { status: response.statusCode, queries }
  }

  const userId = async (openid: string) =>
    (await first.database.db.select({ id: users.id }).from(users).where(eq(users.openid, openid)))[0]!.id

  it('when the same caller reads again, then who they are is not asked of the database', async () => {
    expect(await queriesFor(second, 'demo-worker', { method: 'GET', url: '/api/me' })).toMatchObject({ status: 200 })
    expect(await queriesFor(second, 'demo-worker', { method: 'GET', url: '/api/me' })).toEqual({ status: 200, queries: 0 })
  })

  it('behind WeChat Cloud Run, a caller named by openid is kept too: no write and no query on a repeated read', async () => {
    const viaCloudRun = {
      method: 'GET' as const,
      url: '/api/me',
      headers: { 'x-wx-source': 'wx_client', 'x-wx-openid': 'o-cloud-run-reader' },
    }
    const firstRead = await second.app.inject(viaCloudRun)
    expect(firstRead.statusCode).toBe(200)
    const { result: again, queries } = await countQueries(second.database, () => second.app.inject(viaCloudRun))
    expect(again.json().id).toBe(firstRead.json().id)
    expect(queries).toBe(0)
  })

  it('when a role is revoked on one instance, then the other stops honouring it as soon as the database announces it', async () => {
    const staffList = (await first.as('demo-city-admin')({ method: 'GET', url: '/api/workbench/staff' })).json()
    const grant = staffList.items.find(
      (item: { role: string; orgId: string }) => item.role === 'union_staff' && item.orgId === 'lyg-haizhou',
    )
    const queue = { method: 'GET' as const, url: '/api/workbench/membership/applications' }
    expect((await second.as('demo-staff-district')(queue)).statusCode).toBe(200)
    expect((await queriesFor(second, 'demo-staff-district', queue)).status).toBe(200)

    const revoked = await first.as('demo-city-admin')({
      method: 'POST',
      url: `/api/workbench/staff/${grant.id}/revoke`,
      payload: { reason: '已调离' },
    })
    expect(revoked.statusCode).toBe(200)
    // The instance that revoked it knows at once; the other as soon as the announcement arrives.
    expect((await first.as('demo-staff-district')(queue)).statusCode).toBe(403)
    await eventually(async () => ((await second.as('demo-staff-district')(queue)).statusCode === 403 ? true : undefined), 5000)
  })

  it('when a caller changes their own account, then their next read here shows it, without waiting for the announcement', async () => {
    const sessions = second.app.sessions
    const before = (await second.as('demo-member')({ method: 'GET', url: '/api/me' })).json()
    // `second` stops hearing announcements for a moment: only its own bookkeeping can make the next read right.
    const hear = sessions.message.bind(sessions)
    sessions.message = () => undefined
    try {
      const changed = await second.as('demo-member')({ method: 'PUT', url: '/api/me/contact', payload: { phone: '13912345678' } })
      expect(changed.statusCode).toBe(200)
      const after = (await second.as('demo-member')({ method: 'GET', url: '/api/me' })).json()
      expect(after.phoneMasked).toBe('139****5678')
      expect(after.phoneMasked).not.toBe(before.phoneMasked)
    } finally {
      sessions.message = hear
    }
  })

  it('what is kept answers reads only: a request that acts checks the caller afresh', async () => {
    const workerId = await userId('demo-worker')
    const realRecord = await second.app.sessions.get(workerId)
    expect(realRecord).toBeDefined()
    // A kept record that says more than the database (only this test can make one) shows which path is taken.
    second.app.sessions.forget(workerId)
    await second.app.sessions.load(async () => ({
      ...realRecord!,
      user: {
        ...realRecord!.user,
        roles: [{ role: 'city_admin', orgId: 'lyg', orgName: '连云港市总工会', orgPath: 'lyg', orgKind: 'city', scopeId: null }],
      },
    }))
    expect((await second.as('demo-worker')({ method: 'GET', url: '/api/workbench/staff' })).statusCode).toBe(200)
    const acting = await second.as('demo-worker')({
      method: 'POST',
      url: `/api/workbench/staff/${randomUUID()}/revoke`,
      payload: { reason: '测试' },
    })
    expect(acting.statusCode).toBe(403)
    second.app.sessions.forget(workerId)
  })

  it('when an org is renamed, then every instance drops every kept caller (any grant may name it)', async () => {
    const read = async (t: TestApp) => (await t.as('demo-staff-grassroots')({ method: 'GET', url: '/api/me' })).json()
    expect((await read(second)).roles[0].orgName).not.toContain('（新名）')
    await first.database.db
      .update(orgs)
      .set({ name: sql`${orgs.name} || '（新名）'` })
      .where(eq(orgs.id, 'lyg-haizhou-hospital1'))
    await eventually(async () => ((await read(second)).roles[0].orgName.endsWith('（新名）') ? true : undefined), 5000)
  })

  it('when an account is deleted on one instance, then its session stops working on the other', async () => {
    const token = await second.tokenFor('demo-worker')
    expect((await second.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200)
    const deleted = await first.as('demo-worker')({ method: 'POST', url: '/api/me/delete', payload: { confirm: true } })
    expect(deleted.statusCode).toBe(200)
    await eventually(
      async () =>
        (await second.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } })).statusCode === 401
          ? true
          : undefined,
      5000,
    )
  })

  if (process.env.TEST_DATABASE_URL) {
    it('when the connection that hears the announcements drops, then nothing kept is served until it is back', async () => {
      await second.as('demo-member')({ method: 'GET', url: '/api/me' })
      await first.database.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'LISTEN%' and pid <> pg_backend_pid()`,
      )
      await eventually(() => (second.app.sessions.state === 'reconnecting' ? true : undefined), 5000)
      expect((await queriesFor(second, 'demo-member', { method: 'GET', url: '/api/me' })).queries).toBeGreaterThan(0)
      await eventually(
        () => (second.app.sessions.state === 'following' && first.app.sessions.state === 'following' ? true : undefined),
        10_000,
      )
      await second.as('demo-member')({ method: 'GET', url: '/api/me' })
      expect((await queriesFor(second, 'demo-member', { method: 'GET', url: '/api/me' })).queries).toBe(0)
    })
  }
})
