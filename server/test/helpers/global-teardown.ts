import fs from 'node:fs'
import { dropPostgresDatabase, TEMPLATE_ENV } from './test-database'

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL
  if (adminUrl) {
    for (const name of [TEMPLATE_ENV.postgres.demo, TEMPLATE_ENV.postgres.reference, TEMPLATE_ENV.postgres.migrated].map(
      (key) => process.env[key],
    ))
      if (name) await dropPostgresDatabase(adminUrl, name)
  }
  const dir = process.env.TEST_TEMPLATE_DIR
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
}
