import type { CreatedInvite, CreateInviteBody, Invite, InviteList, RedeemResult, RoleOptionList } from '@contract/staff-invites'
import type { WorkbenchHome } from '@contract/workbench'
import { request } from '../request'

// The staff workbench's platform tools: its home (entries from every line), staff invites, card checks.
export const getWorkbenchHome = () => request<WorkbenchHome>({ path: '/api/workbench' })
export const createInvite = (body: CreateInviteBody) => request<CreatedInvite>({ method: 'POST', path: '/api/workbench/invites', body })
export const listInvites = () => request<InviteList>({ path: '/api/workbench/invites' })
/** The roles the caller may grant, each with the org levels it fits. */
export const listInviteRoles = () => request<RoleOptionList>({ path: '/api/workbench/invites/roles' })
export const revokeInvite = (id: string) => request<Invite>({ method: 'POST', path: `/api/workbench/invites/${id}/revoke` })
export const redeemInvite = (code: string) =>
  request<RedeemResult>({ method: 'POST', path: '/api/workbench/invites/redeem', body: { code } })

/**
 * The answer to a member-card check. It mirrors `CardVerifyResult` of contract/lines/membership.ts:
 * the workbench keeps card checks as a cross-line tool and may not import a line's contract, so the
 * shape is repeated here until the contract gives it a platform home.
 */
export interface CardCheck {
  result: 'valid' | 'expired' | 'invalid'
  member: { nameMasked: string; memberNumberMasked: string; orgName: string; joinedAt: string } | null
  checkedAt: string
}
export const verifyCard = (token: string) => request<CardCheck>({ method: 'POST', path: '/api/cards/verify', body: { token } })
