import type { SystemContext } from '../core/context'
import type { ServiceLineDefinition } from '../core/service-line'
import { sealLegacyText } from '../core/upgrades'
import { users } from '../platform/auth/auth.tables'
import { inboxMessages } from '../platform/inbox/inbox.tables'

/**
 * At every start, after the migrations: what an earlier version stored in clear is encrypted —
 * the platform's columns, then each line's. Quick when there is nothing to do.
 */
export async function upgradeData(context: SystemContext, lines: readonly ServiceLineDefinition[]): Promise<void> {
  const { db, cipher } = context
  await sealLegacyText(db, cipher, {
    table: users,
    id: users.id,
    legacy: users.legacyPhone,
    sealed: users.phoneEnc,
    hash: { column: users.phoneHash, of: (phone) => cipher.lookupHash(`phone:${phone}`) },
  })
  await sealLegacyText(db, cipher, {
    table: inboxMessages,
    id: inboxMessages.id,
    legacy: inboxMessages.legacyBody,
    sealed: inboxMessages.bodyEnc,
  })
  for (const line of lines) await line.upgrade?.(context)
}
