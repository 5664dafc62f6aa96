import { asc, desc } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { MyLines, NoticeList, ServiceLineList, type TileBadge } from '@contract/catalogue'
import { ApiErrorBody } from '@contract/errors'
import { TtlCache } from '../../lib/ttl-cache'
import { notices, serviceLines } from './catalogue.tables'

export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  // Every home-page visit reads these; a change shows within REFERENCE_CACHE_SECONDS everywhere.
  const servicesCache = new TtlCache<ServiceLineList>(app.config.referenceCacheMs)
  const noticesCache = new TtlCache<NoticeList>(app.config.referenceCacheMs)

  /** What each line has open right now, by tile; a line whose badges fail leaves its tile plain. */
  const tileBadges = async (): Promise<Map<string, TileBadge>> => {
    const found = new Map<string, TileBadge>()
    for (const line of app.lines) {
      if (!line.tileBadges) continue
      try {
        for (const { tileKey, ...badge } of await line.tileBadges(app.systemContext())) if (!found.has(tileKey)) found.set(tileKey, badge)
      } catch (error) {
        app.log.error({ err: error, line: line.key }, 'tile badges failed')
      }
    }
    return found
  }

  app.get(
    '/services',
    { schema: { tags: ['catalogue'], summary: 'Service lines for the home grid', response: { 200: ServiceLineList } } },
    async () =>
      servicesCache.get(async () => {
        const rows = await app.db.select().from(serviceLines).orderBy(asc(serviceLines.sortOrder))
        const badges = await tileBadges()
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
      }),
  )

  app.get(
    '/notices',
    { schema: { tags: ['catalogue'], summary: 'Latest notices for the home strip', response: { 200: NoticeList } } },
    async () =>
      noticesCache.get(async () => {
        const rows = await app.db.select().from(notices).orderBy(desc(notices.publishedAt)).limit(10)
        return {
          notices: rows.map((row) => ({ id: row.id, title: row.title, body: row.body, publishedAt: row.publishedAt.toISOString() })),
        }
      }),
  )

  app.get(
    '/me/lines',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['catalogue'],
        summary: 'The lines with a list of mine (for 我的), each with where I stand',
        response: { 200: MyLines, 401: ApiErrorBody },
      },
    },
    async (request) => {
      const context = app.serviceContext(request)
      const lines = app.lines.filter((line) => line.mine)
      const statuses = await Promise.all(lines.map((line) => line.mine?.status?.(context) ?? Promise.resolve(null)))
      return {
        lines: lines.map((line, index) => ({
          key: line.key,
          label: line.mine!.label,
          path: line.mine!.path,
          status: statuses[index] ?? null,
        })),
      }
    },
  )
}
