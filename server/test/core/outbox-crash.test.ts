import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { outbox } from '../../src/core/core.tables'
import { openDatabase } from '../../src/db/client'
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat'
import { eventually, startServerProcess, type ServerProcess } from '../helpers/server-process'
import { TEST_ENV } from '../helpers/test-app'
import { createPostgresDatabase } from '../helpers/test-database'
import { application } from '../lines/legal-aid/helpers'

/**
 * A message promised in a committed change survives the process dying before it was sent
 * (`kill -9` between the commit and the send), and goes out exactly once after the restart.
 */
describe('the outbox across kill -9', () => {
  let fake: FakeWechat
  let dataDir: string
  let database: { url?: string; drop?: () => Promise<void> } = {}
  const servers: ServerProcess[] = []

  beforeAll(async () => {
    fake = await startFakeWechat()
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgh-outbox-'))
    if (process.env.TEST_DATABASE_URL) database = await createPostgresDatabase(process.env.TEST_DATABASE_URL)
  })
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop().catch(() => undefined)))
    await fake.close()
    await database.drop?.()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  const start = async (env: Record<string, string> = {}) => {
    const server = await startServerProcess({
      ...TEST_ENV,
      LOG_LEVEL: 'error',
      DATA_DIR: dataDir,
      ...(database.url ? { DATABASE_URL: database.url } : {}),
      SEED_DEMO: 'true',
      RUN_JOBS: 'true',
      WECHAT_API_BASE: fake.baseUrl,
      WECHAT_SUBSCRIBE_TEMPLATE_STATUS: 'tmpl-status',
      ...env,
    })
    servers.push(server)
    return server
  }
  const sends = () => fake.calls.filter((call) => call.path === '/cgi-bin/message/subscribe/send')

  async function call(server: ServerProcess, openid: string, method: string, url: string, body?: unknown) {
    const login = await fetch(`${server.url}/api/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid }),
    })
    const { token } = (await login.json()) as { token: string }
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  /** The outbox rows, read with the server stopped (PGlite serves one process at a time). */
  async function outboxRows() {
    const handle = await openDatabase(database.url ? { databaseUrl: database.url } : { pgliteDataDir: path.join(dataDir, 'pglite') })
    try {
      return await handle.db.select().from(outbox).where(eq(outbox.event, 'legal_aid.accepted'))
    } finally {
      await handle.close()
    }
  }

  it('committed, killed before sending, restarted: sent once, and not again on the next restart', async () => {
    // The first instance commits and would send right after; it sends only from its job, and its jobs are off:
    // the moment between commit and send, held open.
    const first = await start({ OUTBOX_SEND_ON_COMMIT: 'false', RUN_JOBS: 'false' })
    const submitted = await call(first, 'worker-crash', 'POST', '/api/legal-aid/cases', application({ subscribeAccepted: 1 }))
    expect(submitted.status).toBe(201)
    const accepted = await call(first, 'demo-legal', 'POST', `/api/workbench/legal-aid/cases/${String(submitted.body.id)}/accept`, {})
    expect(accepted.status).toBe(200)
    await first.crash()
    expect(sends()).toHaveLength(0)
    expect(await outboxRows()).toMatchObject([{ status: 'pending', attempts: 0 }])

    // The next instance sends what waits as soon as it starts (the demo personas are in place: no seed again).
    const second = await start({ SEED_DEMO: 'false' })
    await eventually(() => (sends().length > 0 ? true : undefined))
    await second.stop()
    expect(await outboxRows()).toMatchObject([{ status: 'sent', attempts: 1 }])

    const third = await start({ SEED_DEMO: 'false' })
    await third.stop()
    expect(sends()).toHaveLength(1)
    expect(sends()[0]!.body).toMatchObject({ touser: 'worker-crash', template_id: 'tmpl-status', data: { phrase2: { value: '已受理' } } })
  }, 120_000)
})
