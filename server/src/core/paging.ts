import { sql, type SQL } from 'drizzle-orm'
import { pageSizeOf, type PageOf } from '@contract/kit/paging'
import type { Queryable } from '../db/client'
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
  const values = query.cursor ? decode(query.cursor, keys) : undefined
  return pager(keys, query, {
    after: values ? afterTuple(keys, (index) => values[index]!) : undefined,
    ...orderParts(keys),
  })
}

const keyTuple = (keys: readonly SortKey[]) =>
  sql.join(
    keys.map((key) => sql`(${key.expr})::${sql.raw(key.type)}`),
    sql`, `,
  )

/** Rows after the cursor's tuple; each value is a literal or a placeholder. */
function afterTuple(keys: readonly SortKey[], valueAt: (index: number) => unknown): SQL {
  return sql`(${keyTuple(keys)}) > (${sql.join(
    keys.map((key, index) => sql`${valueAt(index)}::${sql.raw(key.type)}`),
    sql`, `,
  )})`
}

function orderParts(keys: readonly SortKey[]) {
  return {
    orderBy: keys.map((key) => sql`(${key.expr})::${sql.raw(key.type)} asc`),
    cursorKey: sql<KeyValue[]>`json_build_array(${keyTuple(keys)})`,
  }
}

function pager(
  keys: readonly SortKey[],
  query: { limit?: string },
  parts: { after: SQL | undefined; orderBy: SQL[]; cursorKey: SQL<KeyValue[]> },
): Keyset {
  const size = pageSizeOf(query)
  return {
    ...parts,
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

/** What a prepared list's query is built from: placeholders where a page's values go. */
export interface PreparedListParts {
  /** Rows after the cursor (placeholders), or undefined for the first page's statement. */
  after: SQL | undefined
  orderBy: SQL[]
  cursorKey: SQL<KeyValue[]>
  /**
   * The number of rows to fetch, written into the statement (one statement per page size): with a
   * parameter there, PostgreSQL's generic plan guesses a tenth of the table and always looks dearer
   * than planning again, so every execution paid for planning — more than running the query.
   */
  limit: RowLimit
}

/** What a select's `.limit()` takes; an SQL literal is embedded as written. */
type RowLimit = ReturnType<typeof sql.placeholder>
const literalLimit = (rows: number) => sql.raw(String(Math.trunc(rows))) as unknown as RowLimit

interface PreparedList<R> {
  execute(values: Record<string, unknown>): Promise<R[]>
}

/**
 * A keyset list that a screen reads on every visit, as two prepared statements (the first page,
 * and a page after a cursor). Its SQL is built once per database instead of per request, and on
 * PostgreSQL each connection plans it once: for a short list that is most of the request's cost.
 * `build` makes the query from the parts, with `sql.placeholder(name)` for its own parameters,
 * and ends with `.prepare(statementName)`.
 */
export function preparedKeyset<R extends { cursorKey: KeyValue[] | string }>(
  name: string,
  keys: readonly SortKey[],
  build: (db: Queryable, parts: PreparedListParts, statementName: string) => PreparedList<R>,
) {
  const statements = new WeakMap<object, Map<number, { first: PreparedList<R>; after: PreparedList<R> }>>()
  const order = orderParts(keys)
  const placeholderAfter = afterTuple(keys, (index) => sql.placeholder(`cursor${index}`))
  return async function readPage<T>(
    db: Queryable,
    params: Record<string, unknown>,
    query: { cursor?: string; limit?: string },
    view: (row: R) => T,
  ): Promise<PageOf<T>> {
    const values = query.cursor ? decode(query.cursor, keys) : undefined
    const page = pager(keys, query, { after: undefined, ...order })
    let bySize = statements.get(db)
    if (!bySize) statements.set(db, (bySize = new Map()))
    let prepared = bySize.get(page.limit)
    if (!prepared) {
      const limit = literalLimit(page.limit)
      prepared = {
        first: build(db, { after: undefined, ...order, limit }, `${name}_first_${page.limit}`),
        after: build(db, { after: placeholderAfter, ...order, limit }, `${name}_after_${page.limit}`),
      }
      bySize.set(page.limit, prepared)
    }
    const cursorValues = Object.fromEntries((values ?? []).map((value, index) => [`cursor${index}`, value]))
    const rows = await (values ? prepared.after : prepared.first).execute({ ...params, ...cursorValues, pageLimit: page.limit })
    return page.page(rows, view)
  }
}

/** float8 and int may come back as numbers or numeric strings, depending on the driver. */
const numeric = (key: SortKey) => key.type === 'float8' || key.type === 'int'
