import type { DevPersonaList, LoginResult, User } from '@contract/auth'
import type { Health, NoticeList, ServiceLineList } from '@contract/catalogue'
import type { Ok } from '@contract/common'
import type { InboxPage, UnreadCount } from '@contract/inbox'
import type { OrgList } from '@contract/orgs'
import { request } from '../request'

// One line per endpoint: the path, the method, and the contract's types.
export const getHealth = () => request<Health>({ path: '/api/health', auth: false })
export const loginWithWechat = (code: string) =>
  request<LoginResult>({ method: 'POST', path: '/api/auth/wechat', body: { code }, auth: false })
export const loginAsDevPersona = (openid: string) =>
  request<LoginResult>({ method: 'POST', path: '/api/auth/dev', body: { openid }, auth: false })
export const listDevPersonas = () => request<DevPersonaList>({ path: '/api/auth/dev/personas', auth: false })
export const getMe = () => request<User>({ path: '/api/me' })
export const listServices = () => request<ServiceLineList>({ path: '/api/services', auth: false })
export const listNotices = () => request<NoticeList>({ path: '/api/notices', auth: false })
export const listOrgs = (query: { parentId?: string; q?: string }) => request<OrgList>({ path: '/api/orgs', query, auth: false })
export const listMessages = (before?: string) => request<InboxPage>({ path: '/api/messages', query: { before } })
export const getUnreadCount = () => request<UnreadCount>({ path: '/api/messages/unread-count' })
export const markMessageRead = (id: string) => request<Ok>({ method: 'POST', path: `/api/messages/${id}/read` })
export const markAllMessagesRead = () => request<Ok>({ method: 'POST', path: '/api/messages/read-all' })
