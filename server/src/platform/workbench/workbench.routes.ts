import { pages } from '@contract/pages'
import { ApiErrorBody } from '@contract/errors'
import { WorkbenchHome } from '@contract/workbench'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { WorkbenchEntryDefinition } from '../../core/service-line'
import { currentUser } from '../../plugins/app/authentication'

/** The platform's own tools on the workbench; each line adds its entries in its definition. */
const platformEntries: WorkbenchEntryDefinition[] = [
  {
    key: 'card-verify',
    label: '核验会员码',
    description: '扫描会员出示的电子会员卡',
    path: pages.workbench.cardVerify.path,
    roles: ['union_staff', 'city_admin'],
  },
  {
    key: 'staff-invites',
    label: '邀请工作人员',
    description: '为工会组织生成一次性邀请码',
    path: pages.workbench.invites.path,
    roles: ['city_admin'],
  },
  {
    key: 'staff',
    label: '工作人员名单',
    description: '谁在哪个工会担任什么角色，撤销不再需要的角色',
    path: pages.workbench.staff.path,
    roles: ['city_admin'],
  },
]

export const workbenchRoutes: FastifyPluginAsyncZod = async (app) => {
  const entries = [...app.lines.flatMap((line) => line.workbench ?? []), ...platformEntries]

  app.get(
    '/workbench',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['workbench'],
        summary: 'The staff workbench: the kinds of work my roles allow, each with what is waiting',
        response: { 200: WorkbenchHome, 401: ApiErrorBody },
      },
    },
    async (request) => {
      const user = currentUser(request)
      const context = app.serviceContext(request)
      const mine = entries.filter((entry) => entry.roles.some((role) => user.roles.some((grant) => grant.role === role)))
      // A count that fails leaves its badge off; the entry itself still shows.
      const counts = await Promise.all(mine.map((entry) => entry.counts?.(context).catch(() => undefined) ?? Promise.resolve(undefined)))
      return {
        entries: mine.map((entry, index) => ({
          key: entry.key,
          label: entry.label,
          description: entry.description,
          path: entry.path,
          waiting: counts[index]?.waiting ?? null,
          overdue: counts[index]?.overdue ?? null,
        })),
      }
    },
  )
}
