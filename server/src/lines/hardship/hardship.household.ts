import { randomUUID } from 'node:crypto'
import { and, eq, inArray, ne } from 'drizzle-orm'
import {
  AID_TYPES,
  type AidItems,
  type AidType,
  type HardshipApplication,
  type HouseholdMember,
  type HukouType,
  type HousingType,
} from '@contract/lines/hardship'
import { normaliseIdNumber } from '@contract/rules/id-number'
import type { SystemContext } from '../../core/context'
import type { Queryable } from '../../db/client'
import type { FieldCipher } from '../../lib/crypto'
import { hardshipApplications, hardshipFilePeople, hardshipFiles } from './hardship.tables'

/** What `householdEnc` holds: the family as the applicant gave it, ID numbers included. */
export interface StoredHousehold {
  members: HouseholdMember[]
  housing: { type: HousingType; area: number }
  hukouType: HukouType
  causeNote: string
}

export const sealJson = (cipher: FieldCipher, value: unknown): string => cipher.encrypt(JSON.stringify(value))
export const openJson = <T>(cipher: FieldCipher, sealed: string): T => JSON.parse(cipher.decrypt(sealed)) as T

export const sealHousehold = (cipher: FieldCipher, application: HardshipApplication): string =>
  sealJson(cipher, {
    members: application.members,
    housing: application.housing,
    hukouType: application.hukouType,
    causeNote: application.causeNote,
  } satisfies StoredHousehold)

export const openHousehold = (cipher: FieldCipher, sealed: string): StoredHousehold => openJson<StoredHousehold>(cipher, sealed)

/** Money kept encrypted (income is sensitive): fen as text. */
export const sealFen = (cipher: FieldCipher, fen: number): string => cipher.encrypt(String(fen))
export const openFen = (cipher: FieldCipher, sealed: string | null): number | null => (sealed ? Number(cipher.decrypt(sealed)) : null)

/** The keyed hash every line keys an ID number by (the membership line's too: one person, one hash). */
export const idHashOf = (cipher: FieldCipher, idNumber: string): string => cipher.lookupHash(normaliseIdNumber(idNumber))

/** The aid types an application asks for, in the contract's order. */
export const aidTypesOf = (items: AidItems): AidType[] => AID_TYPES.filter((type) => items[type] !== undefined)

/**
 * The household an application belongs to, by the ID numbers of its members: the existing file of
 * anyone listed (the second application of a household joins it), or a new one. Everyone listed
 * is recorded against the file, so the next application from any of them finds it. Two first
 * applications of one family at once still make one file: each person's hash is unique, and the
 * one that lost the race moves over to the file that won.
 */
export async function householdFor(
  context: SystemContext,
  input: { idNumbers: readonly string[]; orgId: string; orgPath: string; headName: string },
): Promise<string> {
  const { db, cipher, now } = context
  const hashes = [...new Set(input.idNumbers.map((idNumber) => idHashOf(cipher, idNumber)))]
  const existing = await filesOf(db, hashes)
  if (existing.length > 0) {
    const fileId = existing[0]!
    await db
      .insert(hardshipFilePeople)
      .values(hashes.map((idHash) => ({ idHash, fileId })))
      .onConflictDoNothing()
    return fileId
  }
  const fileId = randomUUID()
  await db.insert(hardshipFiles).values({
    id: fileId,
    orgId: input.orgId,
    orgPath: input.orgPath,
    headName: input.headName,
    createdAt: now,
    updatedAt: now,
  })
  await db
    .insert(hardshipFilePeople)
    .values(hashes.map((idHash) => ({ idHash, fileId })))
    .onConflictDoNothing()
  const others = (await filesOf(db, hashes)).filter((id) => id !== fileId)
  if (others.length === 0) return fileId
  // Someone in the family applied at the same moment: join their file, drop ours.
  const winner = others[0]!
  await db.update(hardshipFilePeople).set({ fileId: winner }).where(eq(hardshipFilePeople.fileId, fileId))
  await db.delete(hardshipFiles).where(eq(hardshipFiles.id, fileId))
  return winner
}

/** The files these people belong to, oldest first. */
async function filesOf(db: Queryable, hashes: readonly string[]): Promise<string[]> {
  if (hashes.length === 0) return []
  const rows = await db
    .selectDistinct({ fileId: hardshipFilePeople.fileId, seq: hardshipFiles.seq })
    .from(hardshipFilePeople)
    .innerJoin(hardshipFiles, eq(hardshipFiles.id, hardshipFilePeople.fileId))
    .where(inArray(hardshipFilePeople.idHash, [...hashes]))
    .orderBy(hardshipFiles.seq)
  return rows.map((row) => row.fileId)
}

/**
 * Whether this person is of the household: they applied in it (now or before), or — as a member
 * whose ID number the membership line knows — they are listed in it. Nobody reviews their own
 * family's application or file.
 */
export async function isOwnHousehold(context: SystemContext, userId: string, fileId: string): Promise<boolean> {
  const [applied] = await context.db
    .select({ id: hardshipApplications.id })
    .from(hardshipApplications)
    .where(and(eq(hardshipApplications.fileId, fileId), eq(hardshipApplications.applicantId, userId)))
    .limit(1)
  if (applied) return true
  const member = await context.members.activeMemberOf(context, userId)
  if (!member?.idNumberHash) return false
  const [listed] = await context.db
    .select({ fileId: hardshipFilePeople.fileId })
    .from(hardshipFilePeople)
    .where(and(eq(hardshipFilePeople.idHash, member.idNumberHash), eq(hardshipFilePeople.fileId, fileId)))
  return Boolean(listed)
}

/** The household's other applications, for the case and the file. */
export async function applicationsOfFile(db: Queryable, fileId: string, exceptId?: string) {
  return db
    .select()
    .from(hardshipApplications)
    .where(and(eq(hardshipApplications.fileId, fileId), exceptId ? ne(hardshipApplications.id, exceptId) : undefined))
    .orderBy(hardshipApplications.seq)
}
