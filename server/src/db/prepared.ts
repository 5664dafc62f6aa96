import type { Queryable } from './client'

/**
 * A query a hot path runs on every request, built once per database handle instead of per call:
 * drizzle's SQL building is most of a short query's cost in Node, and on PostgreSQL a named
 * statement is parsed and planned once per connection. `build` ends with `.prepare(name)` and
 * takes its per-call values as `sql.placeholder(...)`.
 */
export function preparedPerDatabase<S>(build: (db: Queryable) => S): (db: Queryable) => S {
  const statements = new WeakMap<object, S>()
  return (db) => {
    let statement = statements.get(db)
    if (statement === undefined) {
      statement = build(db)
      statements.set(db, statement)
    }
    return statement
  }
}
