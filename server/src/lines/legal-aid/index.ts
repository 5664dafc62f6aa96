import { pages } from '@contract/pages'
import { countWaiting } from './legal-aid.repository'
import { defineServiceLine } from '../../core/service-line'
import { sealLegacyText } from '../../core/upgrades'
import { legalAidCases, legalAidLawyers } from './legal-aid.tables'
import { legalAidPersonalData } from './legal-aid.personal-data'
import { legalAidWorkerRoutes } from './legal-aid.routes'
import { seedLegalAidDemo } from './legal-aid.seed'
import { legalAidWorkbenchRoutes } from './legal-aid.workbench.routes'
import { allCasesOfApplicant } from './legal-aid.repository'
import { isCaseOpen } from '@contract/lines/legal-aid'

/** 法律援助: a worker asks for help in a labour dispute; legal staff accept, assign a lawyer, follow and close it. */
export const legalAidLine = defineServiceLine({
  key: 'legal_aid',
  routes: [legalAidWorkerRoutes, legalAidWorkbenchRoutes],
  staffRoles: [
    {
      role: 'legal_staff',
      label: '法律援助工作人员',
      orgKinds: ['city'],
      description: '受理、指派律师、跟进和结案法律援助案件，维护志愿律师名单',
    },
  ],
  catalogue: [
    {
      key: 'legal_aid',
      name: '法律援助',
      summary: '劳动争议免费法律帮助',
      glyph: '法',
      color: '#1d4ed8',
      entryPath: pages.legalAid.apply.path,
      myPath: pages.legalAid.cases.path,
      myLabel: '我的法律援助案件',
    },
  ],
  workbench: [
    {
      key: 'legal_aid',
      label: '法律援助案件',
      description: '受理、指派律师、跟进和结案',
      path: pages.legalAid.staffQueue.path,
      // The city admin sees the queue for oversight; only legal staff act on cases.
      roles: ['legal_staff', 'city_admin'],
      async counts(context) {
        const summary = await countWaiting(context.db, context.now)
        return { waiting: summary.undecided + summary.unassigned, overdue: summary.overdue }
      },
    },
    {
      key: 'legal_aid_lawyers',
      label: '志愿律师名单',
      description: '添加、修改或停用可指派的律师',
      path: pages.legalAid.lawyers.path,
      roles: ['legal_staff'],
    },
  ],
  mine: {
    label: '我的法律援助案件',
    path: pages.legalAid.cases.path,
    async status(context) {
      const open = (await allCasesOfApplicant(context.db, context.user.id)).filter((row) => isCaseOpen(row.status)).length
      return open > 0 ? `${open} 件办理中` : null
    },
  },
  personalData: legalAidPersonalData,
  demoPersonas: [
    {
      openid: 'demo-legal',
      nickname: '赵敏',
      description: '市总工会法律工作部：受理、指派法律援助案件',
      roles: [{ role: 'legal_staff', orgId: 'lyg' }],
    },
  ],
  seedDemo: seedLegalAidDemo,
  async upgrade({ db, cipher }) {
    await sealLegacyText(db, cipher, {
      table: legalAidCases,
      id: legalAidCases.id,
      legacy: legalAidCases.legacyContactPhone,
      sealed: legalAidCases.contactPhoneEnc,
    })
    await sealLegacyText(db, cipher, {
      table: legalAidLawyers,
      id: legalAidLawyers.id,
      legacy: legalAidLawyers.legacyPhone,
      sealed: legalAidLawyers.phoneEnc,
    })
  },
})
