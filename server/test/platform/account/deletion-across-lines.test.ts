import { serviceLines } from '../../../src/lines/registry'
import { loadAuthUser } from '../../../src/platform/auth/auth.service'
import { findUserByOpenid } from '../../../src/platform/auth/auth.repository'
import { platformPersonas } from '../../../src/platform/auth/demo-personas'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { loadPersonalDataFixtures } from '../../helpers/personal-data'
import { storedTexts, tableFileBytes } from '../../helpers/test-database'
import { applicationBody, idempotency, validIdNumber } from '../../lines/membership/membership-fixtures'

/**
 * Deleting an account erases what every registered line holds about the person — not only the
 * line the deletion page was written for. The test walks the registry: a line that holds data of
 * a person and does not erase it fails here, and so does a line whose hooks say nothing.
 */
describe('deleting an account, across every service line', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  const contextOf = async (openid: string) => {
    const user = (await loadAuthUser(t.database.db, t.app.cipher, (await findUserByOpenid(t.database.db, openid))!.id))!
    return { ...t.app.systemContext(), user }
  }
  const holdings = async (openid: string) => {
    const context = await contextOf(openid)
    return Promise.all(serviceLines.map(async (line) => [line.key, await line.personalData.describe(context)] as const))
  }

  it('every line says what it holds and how to erase it', () => {
    for (const line of serviceLines) {
      expect(typeof line.personalData.describe).toBe('function')
      expect(typeof line.personalData.erase).toBe('function')
    }
  })

  it('a person with records in every line: after deletion no line holds anything, no file is served, no text remains', async () => {
    const openid = 'person-everywhere'
    const person = { name: '欧阳全线', phone: '13611112222', idNumber17: '32070619900101001' }
    const fixtures = await loadPersonalDataFixtures()
    // Every line in the registry says, in its own test folder, how a person gets records in it.
    expect(fixtures.map((fixture) => fixture.line).sort()).toEqual(serviceLines.map((line) => line.key).sort())
    const typed: string[] = []
    const fileUrls: string[] = []
    for (const fixture of fixtures) {
      const made = await fixture.createRecords(t, openid, person)
      typed.push(...made.typed)
      fileUrls.push(...made.fileUrls)
    }
    const before = await holdings(openid)
    expect(before.filter(([, section]) => section !== null).map(([key]) => key)).toEqual(serviceLines.map((line) => line.key))

    const deleted = await t.as(openid)({ method: 'POST', url: '/api/me/delete', payload: { confirm: true } })
    expect(deleted.statusCode).toBe(200)
    expect(deleted.json().outcomes).toHaveLength(serviceLines.length)

    // Logging in again finds nothing in any line.
    const again = (await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid } })).json()
    expect((await holdings(openid)).filter(([, section]) => section !== null)).toEqual([])
    const data = (await t.app.inject({ method: 'GET', url: '/api/me/data', headers: { authorization: `Bearer ${again.token}` } })).json()
    expect(data.sections).toEqual([])

    // The file links stop working, and the bytes are gone.
    for (const url of fileUrls) expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404)

    // Nothing the person typed is left in any table.
    const everything = (await storedTexts(t.database.db)).map((text) => text.value).join('\n')
    for (const value of typed) expect(everything).not.toContain(value)
    expect(everything).not.toContain(person.name)
  })

  it('the nightly vacuum leaves no erased value in the database files either (PGlite)', async () => {
    if (!t.database.pglite) return // On PostgreSQL the dump above reads live rows only; its files are the server's.
    const openid = 'person-vacuumed'
    const name = '慕容清扫'
    await t.as(openid)({
      method: 'POST',
      url: '/api/membership/applications',
      headers: idempotency(),
      payload: applicationBody({ name, idNumber: validIdNumber('32070619910202001'), gender: 'male', phone: '13611113333' }),
    })
    const asBytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1')
    expect(await tableFileBytes(t.database)).toContain(asBytes(name))
    expect((await t.as(openid)({ method: 'POST', url: '/api/me/delete', payload: { confirm: true } })).statusCode).toBe(200)
    // The erased row's old version is still in the file until the nightly job rewrites the tables.
    expect(await t.app.jobs.tick()).toContain('privacy.vacuum')
    expect(await tableFileBytes(t.database)).not.toContain(asBytes(name))
  })

  it('deleting every demo persona leaves no line holding anything of theirs', async () => {
    const personas = platformPersonas
      .map((persona) => persona.openid)
      .concat(serviceLines.flatMap((line) => (line.demoPersonas ?? []).map((persona) => persona.openid)))
    for (const openid of personas) {
      await t.tokenFor(openid)
      expect((await t.as(openid)({ method: 'POST', url: '/api/me/delete', payload: { confirm: true } })).statusCode).toBe(200)
      await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid } })
      expect((await holdings(openid)).filter(([, section]) => section !== null)).toEqual([])
    }
  })
})
