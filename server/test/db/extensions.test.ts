import { sql } from 'drizzle-orm'
import type { DatabaseHandle } from '../../src/db/client'
import { freshDatabase } from '../helpers/test-database'

/**
 * Geographic search (partner merchants near me) uses PostgreSQL's contrib modules cube and
 * earthdistance over a GiST index. A PostgreSQL server has them with contrib; PGlite only when
 * they are registered as it opens — from a fresh data dir and from the tests' template alike.
 */
describe('database extensions for geographic search', () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await freshDatabase()
  })
  afterAll(() => handle.close())

  const rows = async <T>(query: ReturnType<typeof sql>) => ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows

  it('when cube and earthdistance are created, then distances on the earth and nearest-first over a GiST index work', async () => {
    await handle.db.execute(sql`create extension if not exists cube`)
    await handle.db.execute(sql`create extension if not exists earthdistance`)
    const [one] = await rows<{ metres: number }>(
      sql`select earth_distance(ll_to_earth(34.6, 119.2), ll_to_earth(34.61, 119.2))::float8 as metres`,
    )
    // A hundredth of a degree of latitude is about 1.11 km.
    expect(Number(one!.metres)).toBeGreaterThan(1100)
    expect(Number(one!.metres)).toBeLessThan(1125)

    await handle.db.execute(sql`create table probe_places (id int primary key, lat float8 not null, lng float8 not null)`)
    await handle.db.execute(sql`create index probe_places_earth on probe_places using gist (ll_to_earth(lat, lng))`)
    await handle.db.execute(
      sql`insert into probe_places values (1, 34.60, 119.20), (2, 34.62, 119.20), (3, 34.601, 119.2), (4, 35.5, 119.2)`,
    )
    const nearest = await rows<{ id: number }>(sql`
      select id from probe_places
      where earth_box(ll_to_earth(34.6, 119.2), 3000) @> ll_to_earth(lat, lng)
        and earth_distance(ll_to_earth(lat, lng), ll_to_earth(34.6, 119.2)) <= 3000
      order by ll_to_earth(lat, lng) <-> ll_to_earth(34.6, 119.2)`)
    expect(nearest.map((row) => Number(row.id))).toEqual([1, 3, 2])
  })
})
