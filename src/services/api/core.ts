import type { Attachment } from '@contract/uploads'
import type { DevPersonaList, LoginResult, User } from '@contract/auth'
import type { Health, MyLines, NoticeList, ServiceLineList } from '@contract/catalogue'
import type { Ok } from '@contract/common'
import type { InboxPage, UnreadCount } from '@contract/inbox'
import type { OrgList } from '@contract/orgs'
import type { SubscribeBody, SubscribeResult } from '@contract/subscriptions'
import { request } from '../request'

// The platform's endpoints, one line each: the path, the method, and the contract's types.
// A service line's endpoints live in its own folder (src/<line>/api.ts).
export const getHealth = () => request<Health>({ path: '/api/health', auth: false })
export const loginWithWechat = (code: string) =>
  request<LoginResult>({ method: 'POST', path: '/api/auth/wechat', body: { code }, auth: false })
export const loginAsDevPersona = (openid: string) =>
  request<LoginResult>({ method: 'POST', path: '/api/auth/dev', body: { openid }, auth: false })
export const listDevPersonas = () => request<DevPersonaList>({ path: '/api/auth/dev/personas', auth: false })
export const getMe = () => request<User>({ path: '/api/me' })
export const getMyLines = () => request<MyLines>({ path: '/api/me/lines' })
export const listServices = () => request<ServiceLineList>({ path: '/api/services', auth: false })
export const listNotices = () => request<NoticeList>({ path: '/api/notices', auth: false })
export const listOrgs = (query: { parentId?: string; q?: string }) => request<OrgList>({ path: '/api/orgs', query, auth: false })
/** One of my uploads not yet attached (a kept draft's file), with a fresh signed address. */
export const getMyUpload = (id: string) => request<Attachment>({ path: `/api/uploads/${id}` })
export const listMessages = (cursor?: string) => request<InboxPage>({ path: '/api/messages', query: { cursor } })
export const getUnreadCount = () => request<UnreadCount>({ path: '/api/messages/unread-count' })
export const markMessageRead = (id: string) => request<Ok>({ method: 'POST', path: `/api/messages/${id}/read` })
export const markAllMessagesRead = () => request<Ok>({ method: 'POST', path: '/api/messages/read-all' })
/** Records WeChat subscribe-message acceptances against the record they are about (any line). */
export const addSubscriptions = (body: SubscribeBody) => request<SubscribeResult>({ method: 'POST', path: '/api/subscriptions', body })
