import { spawnSync } from 'node:child_process'
import path from 'node:path'
import type { LightMyRequestResponse } from 'fastify'
import { findPostgresBin } from '../../../scripts/lib/postgres-cluster'
import { idNumberCheckCharacter } from '@contract/rules/id-number'
import { issueSession } from '../../src/platform/auth/auth.service'
import { findUserByOpenid } from '../../src/platform/auth/auth.repository'
import { multipartFile, PNG_BYTES } from '../helpers/files'
import { createTestApp, type TestApp } from '../helpers/test-app'
import { storedTexts } from '../helpers/test-database'
import { application, freshKey } from '../lines/legal-aid/helpers'

/**
 * The security suite, generated from the OpenAPI document so that a route is covered the day it
 * is added: every non-public route refuses a missing, malformed, tampered and expired token; every
 * route answers malformed input with a 4xx, never a 5xx; and after it all, the database (its text
 * values, and the database files or a dump) holds no ID number, phone number, case story, income
 * or message text in clear. It prints what it tried.
 */

/** Routes anyone may call; every other route must refuse a caller without a valid session. */
const PUBLIC_ROUTES = new Set([
  'GET /api/health',
  'GET /api/services',
  'GET /api/notices',
  'GET /api/orgs',
  'POST /api/auth/wechat',
  'POST /api/auth/dev',
  'GET /api/auth/dev/personas',
  // An <Image> cannot send a header: the signed, expiring token in the query is the permission.
  'GET /api/files/{id}',
  // Anyone holding a training certificate's code may check it (masked name, rate-limited).
  'GET /api/training/certificates/verify/{code}',
])

interface Route {
  method: string
  path: string
}

const SECRET_STORY = '安全测试的案情：我在某工厂做了八个月的焊工，老板拖欠了我四个月的工资一直不给。'
const SECRET_MESSAGE = '安全测试消息：我把工资条拍照发给您'
const SECRET_PHONE = '13987654321'
const SECRET_ID17 = '32070619870707001'
const SECRET_ID = `${SECRET_ID17}${idNumberCheckCharacter(SECRET_ID17)}`
const SECRET_INCOME = 6543.21

const tally = { routes: 0, authRequests: 0, authFailures: [] as string[], inputRequests: 0, inputFailures: [] as string[] }

describe('security suite', () => {
  let t: TestApp
  let routes: Route[]

  beforeAll(async () => {
    t = await createTestApp()
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>
    }
    routes = Object.entries(spec.paths).flatMap(([route, methods]) =>
      Object.keys(methods)
        .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => ({ method: method.toUpperCase(), path: route })),
    )
    tally.routes = routes.length
  })
  afterAll(async () => {
    console.log(
      [
        `[security suite] routes in the OpenAPI document: ${tally.routes}`,
        `  tokens: ${tally.authRequests} requests to non-public routes with no, malformed, tampered or expired tokens; ${tally.authFailures.length} let through`,
        `  input: ${tally.inputRequests} malformed requests; ${tally.inputFailures.length} answered 5xx`,
      ].join('\n'),
    )
    await t.close()
  })

  /** The route with a path parameter filled in. */
  const urlOf = (route: Route, id = '00000000-0000-4000-8000-000000000000') => route.path.replace(/\{[^}]+\}/g, id)

  it('every non-public route refuses a missing, malformed, tampered or expired token (401)', async () => {
    const worker = await findUserByOpenid(t.database.db, 'demo-worker')
    const valid = await t.tokenFor('demo-worker')
    const [purpose, body, signature] = valid.split('.')
    const flipped = `${body!.slice(0, -2)}${body!.at(-2) === 'A' ? 'B' : 'A'}${body!.at(-1)}`
    const tokens: Record<string, string | undefined> = {
      none: undefined,
      malformed: 'not-a-token',
      tampered: `${purpose}.${flipped}.${signature}`,
      expired: issueSession(t.config, worker!.id, Date.now() - t.config.sessionTtlSeconds * 1000 - 3600_000).token,
    }
    const protectedRoutes = routes.filter((route) => !PUBLIC_ROUTES.has(`${route.method} ${route.path}`))
    expect(protectedRoutes.length).toBeGreaterThan(40)
    for (const route of protectedRoutes) {
      for (const [kind, token] of Object.entries(tokens)) {
        const response = await t.app.inject({
          method: route.method as 'GET',
          url: urlOf(route),
          headers: token ? { authorization: `Bearer ${token}` } : {},
          ...(route.method === 'GET' ? {} : { payload: {} }),
        })
        tally.authRequests += 1
        if (response.statusCode !== 401)
          tally.authFailures.push(`${route.method} ${route.path} with a ${kind} token: ${response.statusCode}`)
      }
    }
    expect(tally.authFailures).toEqual([])
  })

  /** Who calls a route in the input checks: someone the route lets in, so the body is really read. */
  function callerOf(route: Route): string | null {
    if (PUBLIC_ROUTES.has(`${route.method} ${route.path}`)) return null
    if (route.path.startsWith('/api/workbench/legal-aid')) return 'demo-legal'
    if (route.path.startsWith('/api/workbench')) return 'demo-city-admin'
    if (route.path === '/api/cards/verify') return 'demo-staff-district'
    return 'demo-worker'
  }

  const malformedBodies: Array<[string, unknown, string?]> = [
    ['an empty object', {}],
    ['an array', []],
    ['a bare string', 'x'],
    ['a number', 42],
    ['null', null],
    ['deep nesting', JSON.parse('{"a":'.repeat(60) + '1' + '}'.repeat(60))],
    ['NUL characters everywhere', { name: '王\u0000明', body: '\u0000', reason: 'a\u0000b', code: '\u0000', q: '\u0000', id: '\u0000' }],
    [
      'wrong types everywhere',
      { name: 1, body: [], reason: {}, code: true, phone: 13800000000, orgId: 5, attachmentIds: 'x', accepted: 'many' },
    ],
    ['huge text', { name: '王'.repeat(20_000), body: 'x'.repeat(200_000), reason: '很长'.repeat(10_000) }],
    ['markup', { name: '<img src=x onerror=alert(1)>', body: '<script>alert(1)</script>', reason: '"><svg/onload=alert(1)>' }],
    ['invalid JSON', '{"name": ', 'application/json'],
    ['a form post', 'name=x&body=y', 'application/x-www-form-urlencoded'],
  ]
  const badIds = ['a'.repeat(36), 'x'.repeat(37), '..%2F..%2Fetc%2Fpasswd', '%00', '00000000-0000-0000-0000-00000000000g', "1' or '1'='1"]

  it('every route answers malformed input with a 4xx, never a 5xx', async () => {
    const record = (route: Route, what: string, response: LightMyRequestResponse) => {
      tally.inputRequests += 1
      if (response.statusCode >= 500)
        tally.inputFailures.push(`${route.method} ${route.path} with ${what}: ${response.statusCode} ${response.body.slice(0, 120)}`)
    }
    for (const route of routes) {
      const caller = callerOf(route)
      const send = caller ? t.as(caller) : t.app.inject.bind(t.app)
      const hasParam = route.path.includes('{')
      for (const id of hasParam ? badIds : []) {
        record(
          route,
          `the id ${id}`,
          await send({ method: route.method as 'GET', url: urlOf(route, id), ...(route.method === 'GET' ? {} : { payload: {} }) }),
        )
      }
      if (route.method === 'GET') {
        for (const query of [
          'q=%00',
          'cursor=%00',
          'cursor=not-base64!',
          'cursor=WzEsMl0',
          'status=%00',
          'tab=%E0%A4%A',
          'orgId=../x',
          'limit=-1',
          'before=1e309',
        ]) {
          record(route, `?${query}`, await send({ method: 'GET', url: `${urlOf(route)}?${query}` }))
        }
        continue
      }
      for (const [what, payload, contentType] of malformedBodies) {
        record(
          route,
          what,
          await send({
            method: route.method as 'POST',
            url: urlOf(route),
            headers: { ...(contentType ? { 'content-type': contentType } : {}), 'idempotency-key': freshKey() },
            payload: typeof payload === 'string' && contentType ? payload : JSON.stringify(payload),
            ...(contentType ? {} : { headers: { 'content-type': 'application/json', 'idempotency-key': freshKey() } }),
          }),
        )
      }
    }
    // Uploads: multipart that is not, or stops halfway.
    const upload = { method: 'POST', path: '/api/uploads' }
    const worker = t.as('demo-worker')
    const { payload, headers } = multipartFile('证据.png', PNG_BYTES, 'image/png')
    for (const [what, body, type] of [
      ['no boundary', payload, 'multipart/form-data'],
      ['a cut-off body', payload.subarray(0, Math.floor(payload.length / 2)), headers['content-type']],
      ['a broken part header', Buffer.from('--x\r\nContent-Disposition: form-da\r\n\r\n'), 'multipart/form-data; boundary=x'],
      ['an empty body', Buffer.alloc(0), headers['content-type']],
    ] as const) {
      const response = await worker({ method: 'POST', url: '/api/uploads', payload: body, headers: { 'content-type': type } })
      record(upload, what, response)
      expect(response.statusCode).toBeGreaterThanOrEqual(400)
    }
    expect(tally.inputFailures).toEqual([])
  }, 120_000) // about 750 requests: seconds alone, much longer on a loaded machine

  it('after a run that handled sensitive data, none of it is in the database in clear — nor in its files', async () => {
    // A worker's case with a story, an income, a phone, a message; a membership application with an ID number.
    const worker = t.as('security-worker')
    const created = await worker({
      method: 'POST',
      url: '/api/legal-aid/cases',
      payload: application({ description: SECRET_STORY, contactPhone: SECRET_PHONE, monthlyIncome: SECRET_INCOME }),
      headers: { 'idempotency-key': freshKey() },
    })
    expect(created.statusCode).toBe(201)
    expect(
      (
        await worker({
          method: 'POST',
          url: `/api/legal-aid/cases/${created.json().id}/messages`,
          payload: { body: SECRET_MESSAGE },
          headers: { 'idempotency-key': freshKey() },
        })
      ).statusCode,
    ).toBe(201)
    const { applicationBody } = await import('../lines/membership/membership-fixtures')
    const applied = await worker({
      method: 'POST',
      url: '/api/membership/applications',
      payload: applicationBody({ idNumber: SECRET_ID, gender: 'male', phone: SECRET_PHONE }),
      headers: { 'idempotency-key': freshKey() },
    })
    expect(applied.statusCode).toBe(201)

    const mobile = /(?<![A-Za-z0-9_-])1[3-9]\d{9}(?![A-Za-z0-9_-])/
    const idNumber = /(?<![A-Za-z0-9_-])\d{17}[\dX](?![A-Za-z0-9_-])/
    const secrets = [
      SECRET_STORY.slice(0, 12),
      SECRET_MESSAGE.slice(0, 8),
      SECRET_PHONE,
      SECRET_ID,
      String(Math.round(SECRET_INCOME * 100)),
    ]

    const texts = await storedTexts(t.database.db)
    const inClear = texts.filter(
      ({ value }) => mobile.test(value) || idNumber.test(value) || secrets.some((secret) => value.includes(secret)),
    )
    expect(inClear.map(({ table, column }) => `${table}.${column}`)).toEqual([])

    // What a copy of the database shows: the PGlite data files, or a PostgreSQL dump.
    let raw: string
    if (t.database.pglite) {
      raw = Buffer.from(await (await t.database.pglite.dumpDataDir('none')).arrayBuffer()).toString('latin1')
    } else {
      const bin = findPostgresBin()
      const url = (t.database as { url?: string }).url
      expect(bin && url).toBeTruthy()
      const dump = spawnSync(path.join(bin!, 'pg_dump'), ['--data-only', url!], { encoding: 'latin1', maxBuffer: 512 * 1024 * 1024 })
      expect(dump.status).toBe(0)
      raw = dump.stdout
    }
    const asBytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1')
    const found = secrets.filter((secret) => raw.includes(asBytes(secret)))
    console.log(
      `[security suite] database scan: ${texts.length} stored text values and a ${(raw.length / 1024 / 1024).toFixed(1)} MB copy searched; found in clear: ${found.length ? found.join(', ') : 'nothing'}`,
    )
    expect(found).toEqual([])
  })
})
