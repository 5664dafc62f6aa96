import { findUserByOpenid } from '../../../src/platform/auth/auth.repository'
import { notifyInApp } from '../../../src/platform/inbox/inbox.service'
import { createTestApp, type TestApp } from '../../helpers/test-app'

describe('in-app messages', () => {
  let t: TestApp
  let workerId: string

  beforeAll(async () => {
    t = await createTestApp()
    await t.tokenFor('demo-worker')
    workerId = (await findUserByOpenid(t.database.db, 'demo-worker'))!.id
    for (let index = 1; index <= 25; index++) {
      await notifyInApp(t.database.db, t.app.cipher, {
        userId: workerId,
        title: `消息 ${index}`,
        body: `内容 ${index}`,
        link: index === 25 ? '/pages/mine/index' : undefined,
      })
    }
  })
  afterAll(() => t.close())

  const worker = () => t.as('demo-worker')
  // Someone with no messages of their own (the demo member has some from the demo data).
  const other = () => t.as('inbox-stranger')

  it('GET /api/messages lists mine newest first, a page at a time, with the unread count', async () => {
    const first = await worker()({ method: 'GET', url: '/api/messages' })
    expect(first.statusCode).toBe(200)
    const page = first.json()
    expect(page.unreadCount).toBe(25)
    expect(page.items).toHaveLength(20)
    expect(page.items[0]).toMatchObject({ title: '消息 25', link: '/pages/mine/index', read: false })
    const second = (await worker()({ method: 'GET', url: `/api/messages?cursor=${encodeURIComponent(page.nextCursor)}` })).json()
    expect(second.items.map((message: { title: string }) => message.title)).toEqual(['消息 5', '消息 4', '消息 3', '消息 2', '消息 1'])
    expect(second.nextCursor).toBeNull()
  })

  it('someone else sees none of them and cannot mark them read (404)', async () => {
    const theirs = (await other()({ method: 'GET', url: '/api/messages' })).json()
    expect(theirs.items).toEqual([])
    const mine = (await worker()({ method: 'GET', url: '/api/messages' })).json()
    const response = await other()({ method: 'POST', url: `/api/messages/${mine.items[0].id}/read` })
    expect(response.statusCode).toBe(404)
  })

  it('marking one read lowers the count; read-all clears it', async () => {
    const mine = (await worker()({ method: 'GET', url: '/api/messages' })).json()
    expect((await worker()({ method: 'POST', url: `/api/messages/${mine.items[0].id}/read` })).statusCode).toBe(200)
    expect((await worker()({ method: 'GET', url: '/api/messages/unread-count' })).json()).toEqual({ unreadCount: 24 })
    await worker()({ method: 'POST', url: '/api/messages/read-all' })
    expect((await worker()({ method: 'GET', url: '/api/messages/unread-count' })).json()).toEqual({ unreadCount: 0 })
  })

  it('without login, then 401', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/messages' })).statusCode).toBe(401)
  })

  it('with a malformed id, then a 400 naming the field', async () => {
    const response = await worker()({ method: 'POST', url: '/api/messages/not-an-id/read' })
    expect(response.statusCode).toBe(400)
    expect(response.json().fields).toEqual({ id: '编号格式不正确' })
  })
})
