import { randomBytes } from 'node:crypto'
import QRCode from 'qrcode'
import type { RotatingQr } from '@contract/kit/codes'
import { createSignedToken, readSignedToken } from '../lib/crypto'

/**
 * Short-lived signed codes for QR images: a member card, a training session's check-in code, a
 * coupon. The purpose is signed with the payload, so a code of one kind is never accepted as
 * another (nor as a session token); each one carries a random nonce, so two made in the same
 * second still differ; and it expires, so a screenshot soon stops working.
 */
export interface RotatingCode {
  token: string
  issuedAt: Date
  expiresAt: Date
}

interface Envelope<P> {
  /** The payload. */
  p: P
  /** Random. */
  n: string
  /** Expiry, seconds since the epoch. */
  e: number
}

export function issueRotatingCode<P>(secret: string, purpose: string, payload: P, ttlSeconds: number, now: Date): RotatingCode {
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds
  const envelope: Envelope<P> = { p: payload, n: randomBytes(6).toString('base64url'), e: exp }
  return { token: createSignedToken(secret, purpose, envelope), issuedAt: now, expiresAt: new Date(exp * 1000) }
}

export type RotatingCodeCheck<P> = { result: 'valid'; payload: P; expiresAt: Date } | { result: 'expired' } | { result: 'invalid' }

/** Whether a scanned code is a genuine, live code of this purpose; `isPayload` checks its shape. */
export function checkRotatingCode<P>(
  secret: string,
  purpose: string,
  token: string,
  now: Date,
  isPayload: (value: unknown) => value is P,
): RotatingCodeCheck<P> {
  const check = readSignedToken<Partial<Envelope<unknown>>>(secret, purpose, token.trim())
  if (!check.ok) return { result: 'invalid' }
  const { p, e } = check.payload
  if (typeof e !== 'number' || !isPayload(p)) return { result: 'invalid' }
  if (e * 1000 <= now.getTime()) return { result: 'expired' }
  return { result: 'valid', payload: p, expiresAt: new Date(e * 1000) }
}

/** A PNG data URL: a few KB, and an `<Image>` shows it the same on H5 and in WeChat. */
export async function qrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 320 })
}

/** A code as the contract's RotatingQr: the image, the text to type where no camera reads it, the lifetime. */
export async function toRotatingQr(code: RotatingCode): Promise<RotatingQr> {
  return {
    imageDataUrl: await qrDataUrl(code.token),
    code: code.token,
    issuedAt: code.issuedAt.toISOString(),
    expiresAt: code.expiresAt.toISOString(),
  }
}
