import { inArray } from 'drizzle-orm'
import type { DevPersona, StaffRole } from '@contract/auth'
import type { Queryable } from '../../db/client'
import { grantRole, rolesOfUsers, upsertUserByOpenid } from './auth.repository'
import { users } from './auth.tables'

interface PersonaSeed {
  openid: string
  nickname: string
  description: string
  roles: Array<{ role: StaffRole; orgId: string }>
}

/** Demo users for trying both sides of the app; seeded only when SEED_DEMO is on. */
export const demoPersonas: PersonaSeed[] = [
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
  {
    openid: 'demo-legal',
    nickname: '赵敏',
    description: '市总工会法律工作部：受理、指派法律援助案件',
    roles: [{ role: 'legal_staff', orgId: 'lyg' }],
  },
]

export async function seedDemoPersonas(db: Queryable): Promise<void> {
  for (const persona of demoPersonas) {
    const user = await upsertUserByOpenid(db, persona.openid, persona.nickname)
    for (const grant of persona.roles) await grantRole(db, { userId: user.id, ...grant })
  }
}

/** The personas as they are in the database now (roles may have changed since seeding). */
export async function listDemoPersonas(db: Queryable): Promise<DevPersona[]> {
  const rows = await db
    .select({ id: users.id, openid: users.openid, nickname: users.nickname })
    .from(users)
    .where(
      inArray(
        users.openid,
        demoPersonas.map((persona) => persona.openid),
      ),
    )
  const roles = await rolesOfUsers(
    db,
    rows.map((row) => row.id),
  )
  return demoPersonas.flatMap((persona) => {
    const row = rows.find((candidate) => candidate.openid === persona.openid)
    if (!row) return []
    return [
      {
        openid: persona.openid,
        nickname: row.nickname || persona.nickname,
        description: persona.description,
        roles: (roles.get(row.id) ?? []).map(({ role, orgId, orgName }) => ({ role, orgId, orgName })),
      },
    ]
  })
}
