import * as z from 'zod/mini'

/**
 * Something a line has open right now, shown on its tile while it lasts (a campaign taking
 * applications): a two-to-four character tag on the tile, and one line of detail beside the grid.
 */
export const TileBadge = z.object({
  /** On the tile itself, e.g. 金秋助学. */
  text: z.string(),
  /** One line under the grid, e.g. 名额剩 120 个 · 预算剩 38.5 万元 · 9月1日截止. */
  detail: z.string(),
  /** Where a tap on the detail goes; the tile's own page when null. */
  path: z.nullable(z.string()),
})
export type TileBadge = z.infer<typeof TileBadge>

/** A service line on the home grid. */
export const ServiceLine = z.object({
  key: z.string(),
  name: z.string(),
  /** One short line under the name. */
  summary: z.string(),
  /** Emoji-free glyph shown in the grid tile: one or two Chinese characters. */
  glyph: z.string(),
  /** Tile colour, a CSS colour. */
  color: z.string(),
  status: z.enum(['open', 'coming_soon']),
  /** Page the tile opens, e.g. `/membership/pages/apply/index`; null while coming soon. */
  entryPath: z.nullable(z.string()),
  /** Page listing the user's own requests in this line (shown under 我的); null if none. */
  myPath: z.nullable(z.string()),
  /** Label of that entry, e.g. 我的入会申请. */
  myLabel: z.nullable(z.string()),
  /** What the line has open right now (see TileBadge); absent when nothing is. */
  badge: z.optional(TileBadge),
})
export type ServiceLine = z.infer<typeof ServiceLine>

export const ServiceLineList = z.object({ services: z.array(ServiceLine) })
export type ServiceLineList = z.infer<typeof ServiceLineList>

export const Notice = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  publishedAt: z.string(),
})
export type Notice = z.infer<typeof Notice>

export const NoticeList = z.object({ notices: z.array(Notice) })
export type NoticeList = z.infer<typeof NoticeList>

export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  /** Round trip of `select 1`, in milliseconds. */
  databaseLatencyMs: z.number(),
  version: z.string(),
})
export type Health = z.infer<typeof Health>

/**
 * `GET /api/me/lines`: the lines with something of the caller's, for 我的 — each with where its
 * list is and, when the line says so, where the caller stands (已入会, 2 件办理中…).
 */
export const MyLine = z.object({
  key: z.string(),
  label: z.string(),
  path: z.string(),
  status: z.nullable(z.string()),
})
export type MyLine = z.infer<typeof MyLine>

export const MyLines = z.object({ lines: z.array(MyLine) })
export type MyLines = z.infer<typeof MyLines>
