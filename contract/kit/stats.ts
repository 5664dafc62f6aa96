import * as z from 'zod/mini'

/**
 * A staff dashboard (hardship, training, benefits…): a few headline figures, some measured against
 * the plan's target for the period, and breakdowns by category, district or status. Every line
 * answers its `GET /api/workbench/<line>/stats` in this one shape, so one screen draws them all.
 */
/** `yuan` figures are in yuan (not fen: lines convert from their stored fen); `percent` is 0–100. */
export const FigureFormat = z.enum(['count', 'yuan', 'percent'])
export type FigureFormat = z.infer<typeof FigureFormat>

export const Metric = z.object({
  key: z.string(),
  /** 培训人次, 已签约商户, 解困脱困率… */
  label: z.string(),
  value: z.number(),
  format: FigureFormat,
  /** A unit for counts (人次, 户, 家, 张); money and percentages carry their own. */
  unit: z.optional(z.string()),
  /** The plan's figure for the period, when there is one; a percentage target is 0–100. */
  target: z.optional(z.number()),
  /** How the target reads: 2026 年目标, 规划三年目标. */
  targetLabel: z.optional(z.string()),
  /** One plain sentence under the figure (e.g. how it is counted). */
  note: z.optional(z.string()),
})
export type Metric = z.infer<typeof Metric>

export const BreakdownRow = z.object({
  label: z.string(),
  value: z.number(),
})
export type BreakdownRow = z.infer<typeof BreakdownRow>

export const Breakdown = z.object({
  key: z.string(),
  /** 按类别, 按区县, 按状态… */
  label: z.string(),
  format: FigureFormat,
  unit: z.optional(z.string()),
  /** Largest first; the screen draws each as a bar against the largest. */
  rows: z.array(BreakdownRow),
})
export type Breakdown = z.infer<typeof Breakdown>

export const Dashboard = z.object({
  /** The period the figures cover: 2026 年, 2026年12月. */
  periodLabel: z.string(),
  /** When the figures were computed (they may be cached for a minute). */
  asOf: z.string(),
  metrics: z.array(Metric),
  breakdowns: z.array(Breakdown),
})
export type Dashboard = z.infer<typeof Dashboard>
