import type { OrgKind } from '@contract/orgs'
import type { SystemContext } from './context'

/**
 * Staff roles: the platform's own (union staff, city administrators) and those each service line
 * brings (legal staff…), registered once when the app is built. A role is held for one org and
 * reaches its subtree.
 */
export interface RoleDefinition {
  role: string
  /** What people call it, e.g. 法律援助工作人员. */
  label: string
  /** The levels of org it may be granted at (the invite form offers it only there). */
  orgKinds: readonly OrgKind[]
  /** What it lets one do, one line for the invite form. */
  description: string
  /**
   * A role held for one unit a line keeps (a partner merchant) rather than for an org's subtree:
   * its invites name the unit, and are made from the line's own page by the staff who manage
   * those units — not from the generic invite form.
   */
  scope?: RoleScope
}

export interface RoleScope {
  /** What the unit is called: 商户. */
  label: string
  /** The unit, if it exists and may have staff now: its name and the org whose staff manage it. */
  find(context: SystemContext, id: string): Promise<{ name: string; orgId: string } | null>
  /** Who may invite people to it (besides city administrators). */
  invitedBy: readonly string[]
}

export const PLATFORM_ROLES: readonly RoleDefinition[] = [
  {
    role: 'union_staff',
    label: '基层工会工作人员',
    orgKinds: ['grassroots', 'pool', 'district'],
    description: '审核本工会及下级工会的入会申请、核验会员码',
  },
  {
    role: 'city_admin',
    label: '市总工会管理员',
    orgKinds: ['city'],
    description: '全市审核与监督，邀请工作人员',
  },
]

export interface RoleCatalogue {
  all: readonly RoleDefinition[]
  has(role: string): boolean
  definition(role: string): RoleDefinition | undefined
  label(role: string): string
  /** The label for a grant at an org of this kind: district union staff are 县区工会工作人员. */
  labelAt(role: string, orgKind: OrgKind | string): string
}

export function roleCatalogue(definitions: readonly RoleDefinition[]): RoleCatalogue {
  const byRole = new Map(definitions.map((definition) => [definition.role, definition]))
  if (byRole.size !== definitions.length) throw new Error('a staff role is defined twice')
  const label = (role: string) => byRole.get(role)?.label ?? '工作人员'
  return {
    all: definitions,
    has: (role) => byRole.has(role),
    definition: (role) => byRole.get(role),
    label,
    labelAt(role, orgKind) {
      if (role === 'union_staff') return orgKind === 'district' ? '县区工会工作人员' : '基层工会工作人员'
      return label(role)
    },
  }
}
