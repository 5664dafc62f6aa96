import type { CardVerifyResult } from '@contract/cards'
import type { Ok } from '@contract/common'
import type {
  CreatedInvite,
  CreateInviteBody,
  Invite,
  InviteList,
  InviteQuery,
  RedeemInviteBody,
  RedeemResult,
  RevokeRoleBody,
  RoleOptionList,
  StaffList,
  StaffQuery,
} from '@contract/staff-invites'
import type { WorkbenchHome } from '@contract/workbench'
import { request } from '../request'

// The staff workbench's platform tools: its home (entries from every line), staff invites, card checks.
export const getWorkbenchHome = () => request<WorkbenchHome>({ path: '/api/workbench' })
export const createInvite = (body: CreateInviteBody) => request<CreatedInvite>({ method: 'POST', path: '/api/workbench/invites', body })
export const listInvites = (query: InviteQuery) => request<InviteList>({ path: '/api/workbench/invites', query })
/** The roles the caller may grant, each with the org levels it fits. */
export const listInviteRoles = () => request<RoleOptionList>({ path: '/api/workbench/invites/roles' })
export const revokeInvite = (id: string) => request<Invite>({ method: 'POST', path: `/api/workbench/invites/${id}/revoke` })
export const redeemInvite = (body: RedeemInviteBody) =>
  request<RedeemResult>({ method: 'POST', path: '/api/workbench/invites/redeem', body })
export const listStaff = (query: StaffQuery) => request<StaffList>({ path: '/api/workbench/staff', query })
export const revokeStaffRole = (grantId: string, body: RevokeRoleBody, idempotencyKey: string) =>
  request<Ok>({ method: 'POST', path: `/api/workbench/staff/${grantId}/revoke`, body, idempotencyKey })

export const verifyCard = (token: string) => request<CardVerifyResult>({ method: 'POST', path: '/api/cards/verify', body: { token } })
