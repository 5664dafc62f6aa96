import { randomUUID } from 'node:crypto'
import type { Lawyer, LawyerInput } from '@contract/lines/legal-aid'
import { requireLineAccess } from '../../core/access'
import { recordAudit } from '../../core/audit'
import type { ServiceContext } from '../../core/context'
import { forbidden, notFound } from '../../lib/errors'
import { legalAidAccess } from './legal-aid.access'
import { activeLawyers, allLawyers, insertLawyer, updateLawyer } from './legal-aid.repository'
import { toLawyer } from './legal-aid.views'

/** The volunteer lawyer roster (工会阳光法律援助志愿者): legal staff keep it; oversight does not. */
function requireLegalStaff(context: ServiceContext, message: string): void {
  if (requireLineAccess(context.user, legalAidAccess).access !== 'act') throw forbidden(message)
}

/** Lawyers to assign (active ones), or the whole roster to manage it. */
export async function listLawyers(context: ServiceContext, all = false): Promise<Lawyer[]> {
  requireLegalStaff(context, '只有法律援助工作人员可以管理和指派律师')
  return (await (all ? allLawyers(context.db) : activeLawyers(context.db))).map(toLawyer)
}

/** Adds a volunteer lawyer to the roster; who did it is audited. */
export async function createLawyer(context: ServiceContext, input: LawyerInput): Promise<Lawyer> {
  requireLegalStaff(context, '只有法律援助工作人员可以管理律师名单')
  const row = await insertLawyer(context.db, {
    id: `lawyer-${randomUUID()}`,
    name: input.name,
    firm: input.firm,
    phone: input.phone,
    specialties: [...new Set(input.specialties)],
    active: input.active ?? true,
  })
  await recordAudit(context.db, {
    actorId: context.user.id,
    action: 'legal_aid.lawyer.create',
    subjectType: 'legal_aid_lawyer',
    subjectId: row.id,
  })
  return toLawyer(row)
}

/**
 * Corrects a lawyer's details or takes them off (and back on) the roster. Cases already assigned
 * keep their lawyer; an inactive lawyer is only no longer offered for new assignments.
 */
export async function editLawyer(context: ServiceContext, id: string, input: LawyerInput): Promise<Lawyer> {
  requireLegalStaff(context, '只有法律援助工作人员可以管理律师名单')
  const row = await updateLawyer(context.db, id, {
    name: input.name,
    firm: input.firm,
    phone: input.phone,
    specialties: [...new Set(input.specialties)],
    ...(input.active === undefined ? {} : { active: input.active }),
  })
  if (!row) throw notFound('没有找到这位律师')
  await recordAudit(context.db, {
    actorId: context.user.id,
    action: 'legal_aid.lawyer.update',
    subjectType: 'legal_aid_lawyer',
    subjectId: row.id,
    detail: { active: row.active },
  })
  return toLawyer(row)
}
