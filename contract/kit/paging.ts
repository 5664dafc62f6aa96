import * as z from 'zod/mini'

/**
 * One shape for every list: a page of items and an opaque cursor for the next one (keyset paging:
 * a page never skips or repeats a row when rows are added meanwhile, and the thousandth page costs
 * what the first does). Lists with tabs also carry a count per tab.
 */
export const PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 50

/** Opaque, from the previous page; base64url text, bounded so it can never be a large payload. */
export const Cursor = z.string({ error: '翻页参数不正确' }).check(z.regex(/^[A-Za-z0-9_-]{1,400}$/, '翻页参数不正确'))

export const pageQueryShape = {
  cursor: z.optional(Cursor),
  limit: z.optional(z.string().check(z.regex(/^\d{1,2}$/, '每页条数不正确'))),
}
export const PageQuery = z.object(pageQueryShape)
export type PageQuery = z.infer<typeof PageQuery>

export function Page<T extends z.ZodMiniType>(item: T) {
  return z.object({
    items: z.array(item),
    /** Pass as `cursor` for the next page; null on the last one. */
    nextCursor: z.nullable(z.string()),
  })
}

export function PageWithCounts<T extends z.ZodMiniType, C extends z.ZodMiniType>(item: T, counts: C) {
  return z.object({
    items: z.array(item),
    nextCursor: z.nullable(z.string()),
    /** How many records each tab holds, for the tab labels. */
    counts,
  })
}

export interface PageOf<T> {
  items: T[]
  nextCursor: string | null
}

/** The page size a query asks for, within bounds. */
export function pageSizeOf(query: { limit?: string }): number {
  const asked = Number(query.limit ?? PAGE_SIZE)
  return Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_PAGE_SIZE) : PAGE_SIZE
}
