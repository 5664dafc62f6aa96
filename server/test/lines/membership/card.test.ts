import { eq } from 'drizzle-orm'
import { issueSession } from '../../../src/platform/auth/auth.service'
import { findUserByOpenid } from '../../../src/platform/auth/auth.repository'
import * as cardToken from '../../../src/lines/membership/card-token'
import { memberships } from '../../../src/lines/membership/membership.tables'
import { createTestApp, type TestApp } from '../../helpers/test-app'

describe('member card', () => {
  let t: TestApp
  let membershipId: string

  beforeAll(async () => {
    t = await createTestApp()
    const member = await findUserByOpenid(t.database.db, 'demo-member')
    const [row] = await t.database.db.select().from(memberships).where(eq(memberships.userId, member!.id))
    membershipId = row!.id
  })
  afterAll(() => t.close())
  afterEach(() => jest.restoreAllMocks())

  const verify = (token: string, openid = 'demo-staff-grassroots') =>
    t.as(openid)({ method: 'POST', url: '/api/cards/verify', payload: { token } })

  describe('GET /api/membership/card', () => {
    it('when not a member, then 404 NOT_A_MEMBER in plain words', async () => {
      const response = await t.as('demo-worker')({ method: 'GET', url: '/api/membership/card' })
      expect(response.statusCode).toBe(404)
      expect(response.json()).toEqual({ code: 'NOT_A_MEMBER', message: '您还不是工会会员，入会申请通过后即可使用电子会员卡' })
    })

    it('when a member, then the card with a PNG QR code of a token that verifies, good for 60 seconds, never cached', async () => {
      const response = await t.as('demo-member')({ method: 'GET', url: '/api/membership/card' })
      expect(response.statusCode).toBe(200)
      expect(response.headers['cache-control']).toBe('no-store')
      const card = response.json()
      expect(card).toMatchObject({
        name: '李秀英',
        memberNumber: expect.stringMatching(/^LG\d{10}$/),
        cardNumber: expect.stringMatching(/^3207\d{12}$/),
        orgName: '连云港市第一人民医院工会',
      })
      expect(card.qr.imageDataUrl).toMatch(/^data:image\/png;base64,/)
      // Small enough for a phone on a poor network.
      expect(card.qr.imageDataUrl.length).toBeLessThan(12_000)
      expect(new Date(card.qr.expiresAt).getTime() - new Date(card.qr.issuedAt).getTime()).toBeGreaterThan(59_000)
      expect(new Date(card.qr.expiresAt).getTime() - new Date(card.qr.issuedAt).getTime()).toBeLessThanOrEqual(60_000)

      const scanned = (await verify(card.qr.code)).json()
      expect(scanned).toMatchObject({
        result: 'valid',
        member: { nameMasked: '李**', orgName: '连云港市第一人民医院工会', memberNumberMasked: expect.stringMatching(/^LG20\*+\d{4}$/) },
      })
      expect(JSON.stringify(scanned)).not.toContain(card.memberNumber)
    })

    it('two cards asked for in the same second carry different tokens (a nonce), both valid', async () => {
      const first = cardToken.issueCardToken(t.config.authSecret, membershipId)
      const second = cardToken.issueCardToken(t.config.authSecret, membershipId)
      expect(first.token).not.toBe(second.token)
      expect((await verify(first.token)).json().result).toBe('valid')
      expect((await verify(second.token)).json().result).toBe('valid')
    })
  })

  describe('POST /api/cards/verify', () => {
    it('when the token is older than a minute (a screenshot), then expired, with no member details', async () => {
      const old = cardToken.issueCardToken(t.config.authSecret, membershipId, new Date(Date.now() - 61_000))
      expect((await verify(old.token)).json()).toMatchObject({ result: 'expired', member: null })
    })

    it('when the token was tampered with or signed with another key, then invalid', async () => {
      const { token } = cardToken.issueCardToken(t.config.authSecret, membershipId)
      const [purpose, body, signature] = token.split('.')
      const payload = JSON.parse(Buffer.from(body!, 'base64url').toString()) as { e: number }
      const longer = Buffer.from(JSON.stringify({ ...payload, e: payload.e + 3600 })).toString('base64url')
      expect((await verify(`${purpose}.${longer}.${signature}`)).json()).toMatchObject({ result: 'invalid', member: null })
      const forged = cardToken.issueCardToken('another-secret-another-secret-another-secret', membershipId)
      expect((await verify(forged.token)).json().result).toBe('invalid')
      expect((await verify('not a token')).json().result).toBe('invalid')
    })

    it('a session token is not a card, and a card token is not a session', async () => {
      const session = issueSession(t.config, membershipId)
      expect((await verify(session.token)).json().result).toBe('invalid')
      const card = cardToken.issueCardToken(t.config.authSecret, membershipId)
      const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${card.token}` } })
      expect(me.statusCode).toBe(401)
    })

    it('when the membership has ended, then its tokens are invalid at once', async () => {
      const { token } = cardToken.issueCardToken(t.config.authSecret, membershipId)
      await t.database.db.update(memberships).set({ status: 'ended' }).where(eq(memberships.id, membershipId))
      try {
        expect((await verify(token)).json().result).toBe('invalid')
      } finally {
        await t.database.db.update(memberships).set({ status: 'active' }).where(eq(memberships.id, membershipId))
      }
    })

    it('without login, then 401; with an empty token, then a field error', async () => {
      expect((await t.app.inject({ method: 'POST', url: '/api/cards/verify', payload: { token: 'x' } })).statusCode).toBe(401)
      const empty = await verify('')
      expect(empty.statusCode).toBe(400)
      expect(empty.json().fields).toEqual({ token: '请扫描会员码' })
    })
  })
})
