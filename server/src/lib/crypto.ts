import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Field encryption for sensitive personal information (PIPL): AES-256-GCM with a random IV per
 * value. Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url) so the format can change later.
 */
export class FieldCipher {
  private readonly hashKey: Buffer

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('FieldCipher needs a 32-byte key')
    // A separate key for the lookup hash, derived so one env variable is enough.
    this.hashKey = createHmac('sha256', key).update('lookup-hash-v1').digest()
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return ['v1', iv, cipher.getAuthTag(), data].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.')
  }

  decrypt(stored: string): string {
    const [version, iv, tag, data] = stored.split('.')
    if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Unrecognised ciphertext')
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
  }

  /** Keyed hash for equality lookups and unique indexes without storing the value in clear. */
  lookupHash(plain: string): string {
    return createHmac('sha256', this.hashKey).update(plain).digest('base64url')
  }
}

/** HMAC-SHA256 signature, base64url. */
export function sign(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url')
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * A compact signed token: `<purpose>.<base64url(json payload)>.<signature>`. The purpose is
 * signed too, so a card QR token can never be replayed as a session token or the reverse.
 */
export function createSignedToken(secret: string, purpose: string, payload: object): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
  return `${purpose}.${body}.${sign(secret, `${purpose}.${body}`)}`
}

export type TokenCheck<T> = { ok: true; payload: T } | { ok: false; reason: 'malformed' | 'bad_signature' }

export function readSignedToken<T>(secret: string, purpose: string, token: string): TokenCheck<T> {
  const parts = token.split('.')
  if (parts.length !== 3 || parts[0] !== purpose || !parts[1] || !parts[2]) return { ok: false, reason: 'malformed' }
  if (!safeEqual(sign(secret, `${parts[0]}.${parts[1]}`), parts[2])) return { ok: false, reason: 'bad_signature' }
  try {
    return { ok: true, payload: JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as T }
  } catch {
    return { ok: false, reason: 'malformed' }
  }
}
