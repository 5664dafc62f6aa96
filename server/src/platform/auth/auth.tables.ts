import { sql } from 'drizzle-orm'
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { orgs } from '../orgs/orgs.tables'

/** One row per WeChat user of the mini-program (or dev persona), found by openid. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    openid: text('openid').notNull().unique(),
    nickname: text('nickname').notNull().default(''),
    /** The name a staff member gave when they became staff (shown on what they do); null for others. */
    realName: text('real_name'),
    /** Contact phone as given or verified: encrypted; shown masked. */
    phoneEnc: text('phone_enc'),
    /** Keyed hash of the phone, to find other accounts with the same number without storing it in clear. */
    phoneHash: text('phone_hash'),
    /** Written in clear before phones were encrypted; emptied into the columns above at start. */
    legacyPhone: text('phone'),
    /** When the phone came from WeChat's getPhoneNumber (verified) rather than being typed. */
    phoneVerifiedAt: timestamp('phone_verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the user deletes their account; the row stays so records keep an author. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /**
     * Session tokens issued before this moment are refused: set when a deleted account comes back,
     * so a token from before the deletion never works again.
     */
    sessionsValidAfter: timestamp('sessions_valid_after', { withTimezone: true }),
  },
  (table) => [index('users_phone_hash').on(table.phoneHash)],
)

/** A staff role held for one organisation; it reaches that organisation's whole subtree. */
export const staffRoles = pgTable(
  'staff_roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** A platform role or one a service line registers (see core/roles.ts). */
    role: text('role').notNull(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    /**
     * For a role held for one unit a line keeps (a merchant's cashier: see RoleDefinition.scope),
     * that unit's id; null for roles that reach an org's subtree.
     */
    scopeId: text('scope_id'),
    grantedBy: uuid('granted_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** A revoked grant stays, for the record of who held what when; it grants nothing. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
  },
  (table) => [
    uniqueIndex('staff_roles_user_role_org_scope')
      .on(table.userId, table.role, table.orgId, sql`coalesce(${table.scopeId}, '')`)
      .where(sql`${table.revokedAt} is null`),
    index('staff_roles_org').on(table.orgId),
  ],
)
