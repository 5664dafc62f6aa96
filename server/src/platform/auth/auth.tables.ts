import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { orgs } from '../orgs/orgs.tables'

/** One row per WeChat user of the mini-program (or dev persona), found by openid. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  openid: text('openid').notNull().unique(),
  nickname: text('nickname').notNull().default(''),
  /** Contact phone as given or verified; shown masked. */
  phone: text('phone'),
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
})

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
    grantedBy: uuid('granted_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('staff_roles_user_role_org').on(table.userId, table.role, table.orgId), index('staff_roles_org').on(table.orgId)],
)
