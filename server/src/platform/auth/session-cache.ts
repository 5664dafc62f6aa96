import { LRUCache } from 'lru-cache'
import type { ChannelFeed, ChannelListener, DatabaseHandle } from '../../db/client'
import type { KeptSessionUser } from './auth.service'

/** The channel migration 0013's triggers announce changes on: a user's id, or `*` for everyone. */
export const AUTH_CHANGED_CHANNEL = 'auth_changed'
const EVERYONE = '*'

export type SessionCacheState = 'off' | 'connecting' | 'following' | 'reconnecting'

/**
 * The caller behind a session, kept in this instance's memory so a read does not ask the
 * database who is calling before it asks what it came for — on a list that is one round trip of
 * two. Correctness rests on three things:
 *
 * - Every change to a user, a role grant or an org is announced by a trigger (NOTIFY, delivered
 *   at commit to every instance) and drops what was kept for that user (or everyone).
 * - Nothing is kept or served while the announcements are not being followed (before the feed is
 *   connected, and from the moment it is lost until it is back): messages missed then are unknown.
 * - A load that began before a change was announced is not kept (the generation moved), so a
 *   stale row read just before a commit cannot outlive the announcement of that commit.
 *
 * Entries also expire after `ttlMs`, a bound that holds even for a change the triggers do not see.
 */
export class SessionCache implements ChannelListener {
  private readonly kept: LRUCache<string, KeptSessionUser> | undefined
  /** WeChat openid → user id, for callers WeChat Cloud Run names by openid (an openid's user never changes). */
  private readonly userIds: LRUCache<string, string> | undefined
  private generation = 0
  private feed: ChannelFeed | undefined
  private following = false
  private everConnected = false

  constructor(options: { ttlMs: number; maxEntries?: number }) {
    const max = options.maxEntries ?? 50_000
    this.kept = options.ttlMs > 0 ? new LRUCache({ max, ttl: options.ttlMs }) : undefined
    this.userIds = options.ttlMs > 0 ? new LRUCache({ max }) : undefined
  }

  get state(): SessionCacheState {
    if (!this.kept) return 'off'
    if (this.following) return 'following'
    return this.everConnected ? 'reconnecting' : 'connecting'
  }

  /** Starts following the announcements (does nothing when the cache is off). */
  follow(database: Pick<DatabaseHandle, 'listen'>): void {
    if (this.kept && !this.feed) this.feed = database.listen(AUTH_CHANGED_CHANNEL, this)
  }

  async close(): Promise<void> {
    this.lost()
    await this.feed?.close()
    this.feed = undefined
  }

  /** What is kept for this user, while the announcements are followed. */
  get(userId: string): KeptSessionUser | undefined {
    return this.following ? this.kept?.get(userId) : undefined
  }

  /** What is kept for the user WeChat knows by this openid. */
  getByOpenid(openid: string): KeptSessionUser | undefined {
    const userId = this.userIds?.get(openid)
    return userId === undefined ? undefined : this.get(userId)
  }

  /** Loads a user and keeps the result unless a change was announced meanwhile. */
  async load(read: () => Promise<KeptSessionUser | undefined>): Promise<KeptSessionUser | undefined> {
    const startedAt = this.generation
    const loaded = await read()
    if (loaded && this.kept && this.following && startedAt === this.generation) {
      this.kept.set(loaded.user.id, loaded)
      this.userIds?.set(loaded.user.openid, loaded.user.id)
    }
    return loaded
  }

  /** Drops what is kept for one user (after this instance changed them, say). */
  forget(userId: string): void {
    this.generation += 1
    this.kept?.delete(userId)
  }

  // ── ChannelListener: the database's announcements ─────────────────────────────────────────

  message(payload: string): void {
    if (payload === EVERYONE) this.forgetEveryone()
    else this.forget(payload)
  }

  connected(): void {
    // Whatever happened while nobody was listening is unknown: start from nothing.
    this.forgetEveryone()
    this.following = true
    this.everConnected = true
  }

  lost(): void {
    this.following = false
    this.forgetEveryone()
  }

  private forgetEveryone(): void {
    this.generation += 1
    this.kept?.clear()
  }
}
