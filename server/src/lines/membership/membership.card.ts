import type { CardVerifyResult } from '@contract/cards'
import type { MemberCard } from '@contract/lines/membership'
import { maskName } from '@contract/rules/mask'
import type { SystemContext } from '../../core/context'
import { AppError } from '../../lib/errors'
import { toRotatingQr } from '../../core/rotating-code'
import { issueCardToken } from './card-token'
import { findActiveMembershipOfUser } from './membership.repository'
import { maskMemberNumber } from './membership.views'

/** The member card, with a fresh QR token (each call makes a new one). */
export async function memberCard(context: SystemContext, userId: string): Promise<MemberCard> {
  const active = await findActiveMembershipOfUser(context.db, userId)
  if (!active) throw new AppError(404, 'NOT_A_MEMBER')
  const { membership, org } = active
  const token = issueCardToken(context.config.authSecret, membership.id, context.now)
  return {
    name: membership.name ?? '',
    memberNumber: membership.memberNumber,
    cardNumber: membership.cardNumber,
    orgName: org.name,
    joinedAt: membership.joinedAt.toISOString(),
    qr: await toRotatingQr(token),
  }
}

/** What a scanner learns from a card's QR token: whether it is good, and who, masked. */
export async function verifyCard(context: SystemContext, token: string): Promise<CardVerifyResult> {
  const checkedAt = context.now.toISOString()
  const check = await context.members.checkCardCode(context, token)
  if (check.result !== 'valid') return { result: check.result, member: null, checkedAt }
  const { member } = check
  return {
    result: 'valid',
    member: {
      nameMasked: maskName(member.name ?? ''),
      memberNumberMasked: maskMemberNumber(member.memberNumber),
      orgName: member.orgName,
      joinedAt: member.joinedAt.toISOString(),
    },
    checkedAt,
  }
}
