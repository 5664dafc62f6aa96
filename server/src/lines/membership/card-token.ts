import { CARD_TOKEN_TTL_SECONDS } from '@contract/lines/membership'
import { checkRotatingCode, issueRotatingCode, type RotatingCode } from '../../core/rotating-code'

/**
 * The member card's QR code: a rotating code (core/rotating-code.ts) that names the membership and
 * expires a minute after it is made, so a screenshot stops working. Its own purpose keeps it from
 * ever being accepted as another kind of code.
 */
const CARD_PURPOSE = 'card'

interface CardPayload {
  /** Membership id. */
  m: string
}

const isCardPayload = (value: unknown): value is CardPayload =>
  typeof value === 'object' && value !== null && typeof (value as { m?: unknown }).m === 'string'

export function issueCardToken(secret: string, membershipId: string, now = new Date()): RotatingCode {
  return issueRotatingCode<CardPayload>(secret, CARD_PURPOSE, { m: membershipId }, CARD_TOKEN_TTL_SECONDS, now)
}

export type CardTokenCheck = { result: 'valid'; membershipId: string } | { result: 'expired' } | { result: 'invalid' }

export function checkCardToken(secret: string, token: string, now = new Date()): CardTokenCheck {
  const check = checkRotatingCode(secret, CARD_PURPOSE, token, now, isCardPayload)
  return check.result === 'valid' ? { result: 'valid', membershipId: check.payload.m } : check
}
