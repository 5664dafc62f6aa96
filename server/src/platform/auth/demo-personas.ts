import { inArray } from 'drizzle-orm'
import type { DevPersona, StaffRole } from '@contract/auth'
import type { RoleCatalogue } from '../../core/roles'
import type { Queryable } from '../../db/client'
import { grantRole, rolesOfUsers, upsertUserByOpenid } from './auth.repository'
import { roleGrantViews } from './auth.service'
import { users } from './auth.tables'

export interface PersonaSeed {
  openid: string
  nickname: string
  description: string
  roles: Array<{ role: StaffRole; orgId: string }>
}

/** Demo users for trying both sides of the app; seeded only when SEED_DEMO is on. Lines add their staff. */
export const platformPersonas: PersonaSeed[] = [
  {
    openid: 'demo-worker',
    nickname: '王小明',
    description: '外卖骑手，还没有入会：试试入会申请、法律援助',
    roles: [],
  },
  {
    openid: 'demo-member',
    nickname: '李秀英',
    description: '已入会的职工：看电子会员卡、我的申请',
    roles: [],
  },
  {
    openid: 'demo-staff-grassroots',
    nickname: '陈红',
    description: '基层工会工作人员（连云港市第一人民医院工会）',
    roles: [{ role: 'union_staff', orgId: 'lyg-haizhou-hospital1' }],
  },
  {
    openid: 'demo-staff-district',
    nickname: '张建国',
    description: '县区工会工作人员（海州区总工会及下属工会）',
    roles: [{ role: 'union_staff', orgId: 'lyg-haizhou' }],
  },
  {
    openid: 'demo-city-admin',
    nickname: '刘洋',
    description: '市总工会管理员：全市审核、邀请工作人员',
    roles: [{ role: 'city_admin', orgId: 'lyg' }],
  },
]

/** The platform's personas and every line's, in that order. */
export function demoPersonaSeeds(lines: ReadonlyArray<{ demoPersonas?: readonly PersonaSeed[] }>): PersonaSeed[] {
  return [...platformPersonas, ...lines.flatMap((line) => line.demoPersonas ?? [])]
}

export async function seedDemoPersonas(db: Queryable, personas: readonly PersonaSeed[]): Promise<void> {
  for (const persona of personas) {
    const user = await upsertUserByOpenid(db, persona.openid, persona.nickname)
    for (const grant of persona.roles) await grantRole(db, { userId: user.id, ...grant })
  }
}

/** The personas as they are in the database now (roles may have changed since seeding). */
export async function listDemoPersonas(db: Queryable, roles: RoleCatalogue, personas: readonly PersonaSeed[]): Promise<DevPersona[]> {
  const rows = await db
    .select({ id: users.id, openid: users.openid, nickname: users.nickname })
    .from(users)
    .where(
      inArray(
        users.openid,
        personas.map((persona) => persona.openid),
      ),
    )
  const grants = await rolesOfUsers(
    db,
    rows.map((row) => row.id),
  )
  return personas.flatMap((persona) => {
    const row = rows.find((candidate) => candidate.openid === persona.openid)
    if (!row) return []
    return [
      {
        openid: persona.openid,
        nickname: row.nickname || persona.nickname,
        description: persona.description,
        roles: roleGrantViews(roles, grants.get(row.id) ?? []),
      },
    ]
  })
}
