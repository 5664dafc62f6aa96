import { inArray } from 'drizzle-orm'
import type {
  EDUCATIONS,
  EMPLOYMENT_TYPES,
  GENDERS,
  HUKOU_TYPES,
  MembershipSummary,
  MyApplication,
  POLITICAL_STATUSES,
} from '@contract/lines/membership'
import { maskPhone } from '@contract/rules/mask'
import { checkIdNumber } from '@contract/rules/id-number'
import type { Queryable } from '../../db/client'
import type { FieldCipher } from '../../lib/crypto'
import { orgs } from '../../platform/orgs/orgs.tables'
import type { ApplicationRow, MembershipRow, OrgRef } from './membership.repository'

/** Names from the city down to the org's parent, in one query. */
export async function orgPathNames(db: Queryable, path: string): Promise<string[]> {
  const ids = path.split('/').filter(Boolean).slice(0, -1)
  if (ids.length === 0) return []
  const rows = await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, ids))
  const names = new Map(rows.map((row) => [row.id, row.name]))
  return ids.map((id) => names.get(id) ?? id)
}

/** A column that a live (not anonymised) application always has. */
function present<T>(value: T | null, column: string): T {
  if (value === null) throw new Error(`membership application is missing ${column}`)
  return value
}

export type ApplicationDetail = Omit<MyApplication, 'timeline'>

/** The birth date the ID number records: never stored beside the masked number (it would narrow the number down). */
export function birthDateOf(cipher: FieldCipher, application: ApplicationRow): string {
  const check = checkIdNumber(cipher.decrypt(present(application.idNumberCipher, 'idNumberCipher')))
  if (!check.ok) throw new Error('stored ID number does not check')
  return check.birthDate
}

export function phoneOf(cipher: FieldCipher, application: ApplicationRow): string {
  return cipher.decrypt(present(application.phoneEnc, 'phoneEnc'))
}

export function applicationDetail(
  cipher: FieldCipher,
  application: ApplicationRow,
  org: OrgRef,
  pathNames: string[],
  memberNumber: string | null,
): ApplicationDetail {
  return {
    id: application.id,
    status: application.status,
    orgId: org.id,
    orgName: org.name,
    orgPathNames: pathNames,
    name: present(application.name, 'name'),
    gender: present(application.gender, 'gender'),
    ethnicity: present(application.ethnicity, 'ethnicity'),
    birthDate: birthDateOf(cipher, application),
    idNumberMasked: present(application.idNumberMasked, 'idNumberMasked'),
    phoneMasked: maskPhone(phoneOf(cipher, application)),
    phoneVerified: application.phoneVerified,
    employer: present(application.employer, 'employer'),
    employmentType: present(application.employmentType, 'employmentType') as (typeof EMPLOYMENT_TYPES)[number],
    migrantWorker: present(application.migrantWorker, 'migrantWorker'),
    education: present(application.education, 'education') as (typeof EDUCATIONS)[number],
    politicalStatus: present(application.politicalStatus, 'politicalStatus') as (typeof POLITICAL_STATUSES)[number],
    hukouType: present(application.hukouType, 'hukouType') as (typeof HUKOU_TYPES)[number],
    hukouPlace: application.hukouPlace,
    rejectionReason: application.rejectionReason,
    submittedAt: application.submittedAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
    reviewedAt: application.reviewedAt?.toISOString() ?? null,
    memberNumber,
  }
}

export function membershipSummary(membership: MembershipRow, org: OrgRef): MembershipSummary {
  return {
    memberNumber: membership.memberNumber,
    cardNumber: membership.cardNumber,
    orgId: org.id,
    orgName: org.name,
    joinedAt: membership.joinedAt.toISOString(),
  }
}

export function genderOf(value: string | null): (typeof GENDERS)[number] {
  return present(value, 'gender') as (typeof GENDERS)[number]
}

/** LG20****0123: enough for a cashier to match it against what the member says. */
export function maskMemberNumber(memberNumber: string): string {
  if (memberNumber.length <= 8) return memberNumber
  return `${memberNumber.slice(0, 4)}${'*'.repeat(memberNumber.length - 8)}${memberNumber.slice(-4)}`
}
