/**
 * Every table, gathered for Drizzle. Each table is defined beside the code that owns it
 * (`modules/<feature>/<feature>.tables.ts`, `core/core.tables.ts`); drizzle-kit reads the same files.
 */
export * from '../platform/auth/auth.tables'
export * from '../platform/orgs/orgs.tables'
export * from '../platform/catalogue/catalogue.tables'
export * from '../platform/inbox/inbox.tables'
export * from '../platform/uploads/uploads.tables'
export * from '../lines/legal-aid/legal-aid.tables'
export * from '../core/core.tables'
export * from '../lines/membership/membership.tables'
export * from '../platform/staff-invites/staff-invites.tables'
