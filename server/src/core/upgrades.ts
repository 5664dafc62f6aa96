import { and, eq, isNotNull, sql } from 'drizzle-orm'
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Queryable } from '../db/client'
import type { FieldCipher } from '../lib/crypto'

/**
 * Values written in clear by an earlier version move into their encrypted column at start (SQL
 * cannot encrypt): batch by batch, each row in one statement that also empties the clear column.
 * Safe to run at every start and on several instances at once (a row already moved is skipped).
 */
export async function sealLegacyText(
  db: Queryable,
  cipher: FieldCipher,
  target: {
    table: PgTable
    id: AnyPgColumn
    legacy: AnyPgColumn
    sealed: AnyPgColumn
    hash?: { column: AnyPgColumn; of: (value: string) => string }
  },
): Promise<number> {
  let moved = 0
  for (;;) {
    const rows = (await db
      .select({ id: target.id, value: target.legacy })
      .from(target.table)
      .where(isNotNull(target.legacy))
      .limit(200)) as Array<{ id: string; value: string }>
    if (rows.length === 0) return moved
    for (const row of rows) {
      const values: Record<string, unknown> = { [target.sealed.name]: cipher.encrypt(String(row.value)), [target.legacy.name]: null }
      if (target.hash) values[target.hash.column.name] = target.hash.of(String(row.value))
      await db.execute(
        sql`update ${target.table} set ${sql.join(
          Object.entries(values).map(([column, value]) => sql`${sql.identifier(column)} = ${value}`),
          sql`, `,
        )} where ${and(eq(target.id, row.id), isNotNull(target.legacy))}`,
      )
      moved += 1
    }
  }
}

/** A column written in clear before and now derived instead (a birth date beside a masked ID): emptied. */
export async function dropLegacyValues(db: Queryable, table: PgTable, legacy: AnyPgColumn): Promise<void> {
  await db.execute(sql`update ${table} set ${sql.identifier(legacy.name)} = null where ${isNotNull(legacy)}`)
}
