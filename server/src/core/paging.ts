import { sql, type SQL } from 'drizzle-orm'
import { pageSizeOf, type PageOf } from '@contract/kit/paging'
import { validationFailed } from '../lib/errors'

/**
 * Keyset paging: a list is ordered by a tuple of keys, ascending, ending with something unique
 * (the id), and the next page starts after the last row's tuple. Keys that sort descending are
 * written negated (`-extract(epoch from …)`), so one row comparison serves every order.
 */
export interface SortKey {
  /** The expression the list is ordered by. */
  expr: SQL
  /** Its SQL type, so a cursor value is compared as what it is. */
  type: 'text' | 'float8' | 'int' | 'uuid'
}

type KeyValue = string | number

function encode(values: KeyValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

function decode(cursor: string, keys: readonly SortKey[]): KeyValue[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (
      Array.isArray(values) &&
      values.length === keys.length &&
      values.every((value, index) =>
        numeric(keys[index]!) ? typeof value === 'number' && Number.isFinite(value) : typeof value === 'string',
      )
    ) {
      return values as KeyValue[]
    }
  } catch {
    // fall through
  }
  throw validationFailed({ cursor: '翻页参数不正确，请刷新列表' })
}

export interface Keyset {
  /** Add to the WHERE: rows after the cursor (undefined on the first page). */
  after: SQL | undefined
  orderBy: SQL[]
  /** Select these too (as `cursorKey`), to make the next cursor from the last row. */
  cursorKey: SQL<KeyValue[]>
  /** One more than the page size: whether there is a next page. */
  limit: number
  /** The page from the rows fetched with `limit`. */
  page<R extends { cursorKey: KeyValue[] | string }, T>(rows: R[], view: (row: R) => T): PageOf<T>
}

export function keyset(keys: readonly SortKey[], query: { cursor?: string; limit?: string }): Keyset {
  const size = pageSizeOf(query)
  const values = query.cursor ? decode(query.cursor, keys) : undefined
  const tuple = sql.join(
    keys.map((key) => sql`(${key.expr})::${sql.raw(key.type)}`),
    sql`, `,
  )
  return {
    after: values
      ? sql`(${tuple}) > (${sql.join(
          values.map((value, index) => sql`${value}::${sql.raw(keys[index]!.type)}`),
          sql`, `,
        )})`
      : undefined,
    orderBy: keys.map((key) => sql`(${key.expr})::${sql.raw(key.type)} asc`),
    cursorKey: sql<KeyValue[]>`json_build_array(${tuple})`,
    limit: size + 1,
    page(rows, view) {
      const shown = rows.slice(0, size)
      const last = shown.at(-1)
      // PGlite and node-postgres both parse json; a driver that does not would hand back text.
      const lastKey = last ? (typeof last.cursorKey === 'string' ? (JSON.parse(last.cursorKey) as KeyValue[]) : last.cursorKey) : undefined
      return {
        items: shown.map(view),
        nextCursor:
          rows.length > size && lastKey
            ? encode(lastKey.map((value, index) => (numeric(keys[index]!) ? Number(value) : String(value))))
            : null,
      }
    },
  }
}

/** float8 and int may come back as numbers or numeric strings, depending on the driver. */
const numeric = (key: SortKey) => key.type === 'float8' || key.type === 'int'
