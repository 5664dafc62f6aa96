import * as z from 'zod/mini'

/**
 * city: 市总工会; district: 县区总工会; grassroots: 基层工会 (a workplace or sector union);
 * pool: a district's holding union for workers without a union at their workplace
 * (新就业形态/零散就业 joined by where they live or work).
 */
export const OrgKind = z.enum(['city', 'district', 'grassroots', 'pool'])
export type OrgKind = z.infer<typeof OrgKind>

export const Org = z.object({
  id: z.string(),
  parentId: z.nullable(z.string()),
  name: z.string(),
  kind: OrgKind,
  /** Names from the city down to this org's parent, for showing where it sits. */
  pathNames: z.array(z.string()),
})
export type Org = z.infer<typeof Org>

export const OrgQuery = z.object({
  /** Children of this org; the top level when absent and no search. */
  parentId: z.optional(z.string()),
  /** Name search across the whole tree. */
  q: z.optional(z.string().check(z.maxLength(40, '搜索内容太长'))),
})
export type OrgQuery = z.infer<typeof OrgQuery>

export const OrgList = z.object({ orgs: z.array(Org) })
export type OrgList = z.infer<typeof OrgList>
