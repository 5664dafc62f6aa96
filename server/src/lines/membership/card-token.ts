import { randomBytes } from 'node:crypto'
import QRCode from 'qrcode'
import { CARD_TOKEN_TTL_SECONDS } from '@contract/lines/membership'
import { createSignedToken, readSignedToken } from '../../lib/crypto'

/**
 * The member card's QR code carries a signed token that expires a minute after it is made: a
 * screenshot stops working once it is older than that. Its own purpose string keeps it from
 * ever being accepted as a session token (or a session token as a card).
 */
const CARD_PURPOSE = 'card'

interface CardTokenPayload {
  /** Membership id. */
  m: string
  /** Random, so two tokens made in the same second still differ. */
  n: string
  /** Expiry, seconds since the epoch. */
  e: number
}

export interface CardToken {
  token: string
  issuedAt: Date
  expiresAt: Date
}

export function issueCardToken(secret: string, membershipId: string, now = Date.now()): CardToken {
  const exp = Math.floor(now / 1000) + CARD_TOKEN_TTL_SECONDS
  const payload: CardTokenPayload = { m: membershipId, n: randomBytes(6).toString('base64url'), e: exp }
  return { token: createSignedToken(secret, CARD_PURPOSE, payload), issuedAt: new Date(now), expiresAt: new Date(exp * 1000) }
}

export type CardTokenCheck = { result: 'valid'; membershipId: string } | { result: 'expired' } | { result: 'invalid' }

export function checkCardToken(secret: string, token: string, now = Date.now()): CardTokenCheck {
  const check = readSignedToken<Partial<CardTokenPayload>>(secret, CARD_PURPOSE, token.trim())
  if (!check.ok) return { result: 'invalid' }
  const { m, e } = check.payload
  if (typeof m !== 'string' || typeof e !== 'number') return { result: 'invalid' }
  if (e * 1000 <= now) return { result: 'expired' }
  return { result: 'valid', membershipId: m }
}

/** A PNG data URL: a few KB, and an `<Image>` shows it the same on H5 and in WeChat. */
export async function qrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 320 })
}
