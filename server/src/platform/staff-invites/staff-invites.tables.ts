import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from '../auth/auth.tables'
import { orgs } from '../orgs/orgs.tables'

/**
 * Invite codes for staff roles. Only a keyed hash of the code is stored: the code itself is
 * shown once to the administrator who made it, and a database dump cannot be used to redeem one.
 */
export const staffInvites = pgTable(
  'staff_invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    codeHash: text('code_hash').notNull().unique(),
    role: text('role').notNull(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    /** The unit of a scoped role (a merchant), named when the invite was made. */
    scopeId: text('scope_id'),
    note: text('note'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    redeemedBy: uuid('redeemed_by').references(() => users.id),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('staff_invites_created').on(table.createdAt)],
)
