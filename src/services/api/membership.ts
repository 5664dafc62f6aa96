import type {
  ApplicationBody,
  ApproveBody,
  CardVerifyResult,
  DeleteAccountResult,
  MemberCard,
  MyApplication,
  MyData,
  MyMembership,
  PhoneResult,
  RejectBody,
  ResubmitBody,
  RevealedIdNumber,
  ReviewDecision,
  ReviewDetail,
  ReviewQueue,
  ReviewQueueQuery,
  WaitingCount,
} from '@contract/lines/membership'
import type { CreatedInvite, CreateInviteBody, Invite, InviteList, RedeemResult } from '@contract/staff-invites'
import { request } from '../request'

// Membership, the member card, my data, and the staff side (review, invites). One line per endpoint.
export const getMyMembership = () => request<MyMembership>({ path: '/api/membership/applications/mine' })
export const submitApplication = (body: ApplicationBody, idempotencyKey: string) =>
  request<MyApplication>({ method: 'POST', path: '/api/membership/applications', body, idempotencyKey })
export const resubmitApplication = (id: string, body: ResubmitBody, idempotencyKey: string) =>
  request<MyApplication>({ method: 'PUT', path: `/api/membership/applications/${id}`, body, idempotencyKey })
export const getMemberCard = () => request<MemberCard>({ path: '/api/membership/card' })
export const verifyCard = (token: string) => request<CardVerifyResult>({ method: 'POST', path: '/api/cards/verify', body: { token } })

export const getMyData = () => request<MyData>({ path: '/api/me/data' })
export const updateContactPhone = (phone: string) => request<PhoneResult>({ method: 'PUT', path: '/api/me/contact', body: { phone } })
export const bindWechatPhone = (code: string) => request<PhoneResult>({ method: 'POST', path: '/api/me/phone/wechat', body: { code } })
export const deleteMyAccount = () => request<DeleteAccountResult>({ method: 'POST', path: '/api/me/delete', body: { confirm: true } })

export const listReviewQueue = (query: ReviewQueueQuery) =>
  request<ReviewQueue>({ path: '/api/workbench/membership/applications', query: { ...query } })
export const getWaitingCount = () => request<WaitingCount>({ path: '/api/workbench/membership/waiting-count' })
export const getReviewDetail = (id: string) => request<ReviewDetail>({ path: `/api/workbench/membership/applications/${id}` })
export const revealIdNumber = (id: string) =>
  request<RevealedIdNumber>({ method: 'POST', path: `/api/workbench/membership/applications/${id}/reveal-id-number` })
export const approveApplication = (id: string, body: ApproveBody, idempotencyKey: string) =>
  request<ReviewDecision>({ method: 'POST', path: `/api/workbench/membership/applications/${id}/approve`, body, idempotencyKey })
export const rejectApplication = (id: string, body: RejectBody, idempotencyKey: string) =>
  request<ReviewDecision>({ method: 'POST', path: `/api/workbench/membership/applications/${id}/reject`, body, idempotencyKey })

export const createInvite = (body: CreateInviteBody) => request<CreatedInvite>({ method: 'POST', path: '/api/workbench/invites', body })
export const listInvites = () => request<InviteList>({ path: '/api/workbench/invites' })
export const revokeInvite = (id: string) => request<Invite>({ method: 'POST', path: `/api/workbench/invites/${id}/revoke` })
export const redeemInvite = (code: string) =>
  request<RedeemResult>({ method: 'POST', path: '/api/workbench/invites/redeem', body: { code } })
