import { asc, desc } from 'drizzle-orm'
import type { FastifyBaseLogger } from 'fastify'
import type { NoticeList, ServiceLineList, TileBadge } from '@contract/catalogue'
import type { SystemContext } from '../../core/context'
import type { ServiceLineDefinition } from '../../core/service-line'
import { TtlCache } from '../../lib/ttl-cache'
import { notices, serviceLines } from './catalogue.tables'

/**
 * The home grid's service lines (with what each has open right now) and the latest notices: read
 * by every home-page visit, through the API and written into the H5 page itself, so both are
 * kept for REFERENCE_CACHE_SECONDS and a change shows everywhere within that.
 */
export class Catalogue {
  private readonly servicesKept: TtlCache<ServiceLineList>
  private readonly noticesKept: TtlCache<NoticeList>

  constructor(
    private readonly deps: {
      lines: readonly ServiceLineDefinition[]
      systemContext: () => SystemContext
      log: FastifyBaseLogger
      cacheMs: number
    },
  ) {
    this.servicesKept = new TtlCache(deps.cacheMs)
    this.noticesKept = new TtlCache(deps.cacheMs)
  }

  services(): Promise<ServiceLineList> {
    return this.servicesKept.get(async () => {
      const rows = await this.deps.systemContext().db.select().from(serviceLines).orderBy(asc(serviceLines.sortOrder))
      const badges = await this.tileBadges()
      return {
        services: rows.map(({ sortOrder: _sortOrder, ...line }) => {
          const badge = line.status === 'open' ? badges.get(line.key) : undefined
          return {
            ...line,
            entryPath: line.status === 'open' ? line.entryPath : null,
            myPath: line.status === 'open' ? line.myPath : null,
            myLabel: line.status === 'open' ? line.myLabel : null,
            ...(badge ? { badge } : {}),
          }
        }),
      }
    })
  }

  notices(): Promise<NoticeList> {
    return this.noticesKept.get(async () => {
      const rows = await this.deps.systemContext().db.select().from(notices).orderBy(desc(notices.publishedAt)).limit(10)
      return {
        notices: rows.map((row) => ({ id: row.id, title: row.title, body: row.body, publishedAt: row.publishedAt.toISOString() })),
      }
    })
  }

  /** What each line has open right now, by tile; a line whose badges fail leaves its tile plain. */
  private async tileBadges(): Promise<Map<string, TileBadge>> {
    const found = new Map<string, TileBadge>()
    for (const line of this.deps.lines) {
      if (!line.tileBadges) continue
      try {
        for (const { tileKey, ...badge } of await line.tileBadges(this.deps.systemContext()))
          if (!found.has(tileKey)) found.set(tileKey, badge)
      } catch (error) {
        this.deps.log.error({ err: error, line: line.key }, 'tile badges failed')
      }
    }
    return found
  }
}
