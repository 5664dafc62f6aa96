import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export interface CipherKey {
  /** Recorded in every ciphertext, so old values still decrypt after a new key is introduced. */
  id: string
  key: Buffer
}

/**
 * Field encryption for sensitive personal information (PIPL): AES-256-GCM with a random IV per
 * value, stored as `v2.<key id>.<iv>.<tag>.<ciphertext>` (base64url). The first key encrypts; every
 * key given decrypts what it wrote, so keys can be rotated without rewriting the data at once.
 * Values written before key ids existed (`v1.…`) were written with key 1.
 */
export class FieldCipher {
  private readonly hashKey: Buffer
  private readonly current: CipherKey
  private readonly byId: Map<string, Buffer>

  constructor(keys: readonly CipherKey[] | Buffer) {
    const list = Buffer.isBuffer(keys) ? [{ id: '1', key: keys }] : [...keys]
    if (list.length === 0) throw new Error('FieldCipher needs a key')
    for (const { key } of list) if (key.length !== 32) throw new Error('FieldCipher needs 32-byte keys')
    this.current = list[0]!
    this.byId = new Map(list.map(({ id, key }) => [id, key]))
    // Lookup hashes (duplicate checks, unique indexes) must not change when a key is rotated: they
    // derive from the oldest key, which stays listed.
    this.hashKey = createHmac('sha256', list.at(-1)!.key).update('lookup-hash-v1').digest()
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv)
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return ['v2', this.current.id, ...[iv, cipher.getAuthTag(), data].map((part) => part.toString('base64url'))].join('.')
  }

  decrypt(stored: string): string {
    const parts = stored.split('.')
    const [version] = parts
    const [keyId, iv, tag, data] = version === 'v2' ? parts.slice(1) : version === 'v1' ? ['1', ...parts.slice(1)] : []
    const key = keyId ? this.byId.get(keyId) : undefined
    if (!key || !iv || !tag || data === undefined) throw new Error('Unrecognised ciphertext or unknown key id')
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
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
