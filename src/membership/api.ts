import type {
  ApplicationBody,
  ApproveBody,
  MemberCard,
  MyApplication,
  MyMembership,
  RejectBody,
  ResubmitBody,
  RevealedIdNumber,
  ReviewDecision,
  ReviewDetail,
  ReviewQueue,
  ReviewQueueQuery,
} from '@contract/lines/membership'
import { request } from '@/services/request'

// 会员入会: the worker's application and card, and the reviewers' side. One line per endpoint.
export const getMyMembership = () => request<MyMembership>({ path: '/api/membership/applications/mine' })
export const submitApplication = (body: ApplicationBody, idempotencyKey: string) =>
  request<MyApplication>({ method: 'POST', path: '/api/membership/applications', body, idempotencyKey })
export const resubmitApplication = (id: string, body: ResubmitBody, idempotencyKey: string) =>
  request<MyApplication>({ method: 'PUT', path: `/api/membership/applications/${id}`, body, idempotencyKey })
export const getMemberCard = () => request<MemberCard>({ path: '/api/membership/card' })

export const listReviewQueue = (query: ReviewQueueQuery) =>
  request<ReviewQueue>({ path: '/api/workbench/membership/applications', query: { ...query } })
export const getReviewDetail = (id: string) => request<ReviewDetail>({ path: `/api/workbench/membership/applications/${id}` })
export const revealIdNumber = (id: string) =>
  request<RevealedIdNumber>({ method: 'POST', path: `/api/workbench/membership/applications/${id}/reveal-id-number` })
export const approveApplication = (id: string, body: ApproveBody, idempotencyKey: string) =>
  request<ReviewDecision>({ method: 'POST', path: `/api/workbench/membership/applications/${id}/approve`, body, idempotencyKey })
export const rejectApplication = (id: string, body: RejectBody, idempotencyKey: string) =>
  request<ReviewDecision>({ method: 'POST', path: `/api/workbench/membership/applications/${id}/reject`, body, idempotencyKey })
