import { act, render, screen } from '@testing-library/react'
import { PageShell } from '@/components/page-shell'
import { request } from './request'
import { clearSession, getSession, setSession } from './session-store'

const USER = { id: 'u-1', nickname: '王小明', phoneMasked: null, roles: [], createdAt: '2026-11-01T00:00:00Z' }
// In a browser (TARO_ENV=h5, as these tests run) requests go through fetch itself.
const answer401 = () => ({ status: 401, text: () => Promise.resolve('{"code":"UNAUTHENTICATED","message":"请先登录"}') })
const answerEvery = () => {
  global.fetch = jest.fn().mockImplementation(() => Promise.resolve(answer401())) as unknown as typeof fetch
}

describe('a session that ends by itself', () => {
  afterEach(() => {
    jest.restoreAllMocks()
    act(() => clearSession())
  })

  it('when the server no longer knows the session, then the request says the login expired, and so does the page', async () => {
    setSession({ token: 't', expiresAt: '2999-01-01T00:00:00Z', user: USER })
    answerEvery()
    await expect(request({ path: '/api/me' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' })
    expect(getSession()).toMatchObject({ token: null, expired: true })

    render(
      <PageShell className='x' requireLogin='查看案件需要先登录'>
        <></>
      </PageShell>,
    )
    expect(screen.getByText('登录已过期，请重新登录')).toBeTruthy()
    expect(screen.getByText('查看案件需要先登录')).toBeTruthy()
  })

  it('when the person logs out, or never logged in, then nothing speaks of an expired login', async () => {
    answerEvery()
    await expect(request({ path: '/api/me' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' })
    setSession({ token: 't', expiresAt: '2999-01-01T00:00:00Z', user: USER })
    act(() => clearSession())
    render(
      <PageShell className='x' requireLogin='查看案件需要先登录'>
        <></>
      </PageShell>,
    )
    expect(screen.queryByText('登录已过期，请重新登录')).toBeNull()
  })

  it('a new login forgets that the last one expired', () => {
    act(() => clearSession('expired'))
    setSession({ token: 't2', expiresAt: '2999-01-01T00:00:00Z', user: USER })
    expect(getSession().expired).toBe(false)
  })
})
