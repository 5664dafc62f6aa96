import type { DatabaseHandle } from '../../src/db/client'

/**
 * How many statements `work` sent to the database (through the driver's client, which both
 * PGlite and node-postgres pools expose as `$client`), with what it returned.
 */
export async function countQueries<T>(database: DatabaseHandle, work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const client = (database.db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client
  const original = client.query
  let queries = 0
  client.query = (...args: unknown[]) => {
    queries++
    return original.apply(client, args)
  }
  try {
    return { result: await work(), queries }
  } finally {
    client.query = original
  }
}
