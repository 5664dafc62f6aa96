import { randomBytes } from 'node:crypto'
import { ConfigError, loadConfig } from '../src/config'
import { FieldCipher } from '../src/lib/crypto'

const realSecrets = () => ({
  AUTH_SECRET: randomBytes(48).toString('base64'),
  DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  WECHAT_APPID: 'wx-real',
  WECHAT_SECRET: 'real-secret',
})

const problemsOf = (env: Record<string, string>): string => {
  try {
    loadConfig(env)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  return ''
}

describe('loadConfig', () => {
  it('gives a newcomer working defaults in dev mode (npm start sets it)', () => {
    const config = loadConfig({ NODE_ENV: 'development' })
    expect(config).toMatchObject({ port: 3000, authMode: 'wechat', databaseUrl: undefined, env: 'development' })
    expect(config.dataDir).toMatch(/data$/)
    expect(loadConfig({ AUTH_MODE: 'dev' }).env).toBe('development')
  })

  it('names every bad variable in one message', () => {
    const message = problemsOf({ NODE_ENV: 'development', PORT: 'eighty', DATABASE_URL: 'not a url', DATA_ENCRYPTION_KEY: 'c2hvcnQ=' })
    expect(message).toMatch(/PORT/)
    expect(message).toMatch(/DATABASE_URL/)
    expect(message).toMatch(/DATA_ENCRYPTION_KEY: must be 32 bytes/)
  })

  it('in production, requires real secrets and refuses demo data', () => {
    expect(problemsOf({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toMatch(
      /AUTH_SECRET: required outside dev mode[\s\S]*DATA_ENCRYPTION_KEY: required outside dev mode[\s\S]*SEED_DEMO[\s\S]*WECHAT_APPID[\s\S]*WECHAT_SECRET/,
    )
  })

  describe('safe by default: the built-in secrets only in an explicit dev mode', () => {
    it('a start with no NODE_ENV (the Cloud Run recipe) is not dev mode: it refuses to run without secrets', () => {
      const message = problemsOf({ TRUST_WX_CLOUD_HEADERS: 'true' })
      expect(message).toMatch(/AUTH_SECRET: required outside dev mode/)
      expect(message).toMatch(/DATA_ENCRYPTION_KEY: required outside dev mode/)
    })

    it('refuses the published dev values, guessable values and short keys, naming the variable', () => {
      expect(problemsOf({ ...realSecrets(), AUTH_SECRET: 'development-only-secret-do-not-use-in-production' })).toMatch(
        /AUTH_SECRET: is the published development value/,
      )
      expect(problemsOf({ ...realSecrets(), AUTH_SECRET: 'a'.repeat(40) })).toMatch(/AUTH_SECRET: is too easy to guess/)
      expect(problemsOf({ ...realSecrets(), DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') })).toMatch(
        /DATA_ENCRYPTION_KEY: key 1 is the published development value/,
      )
      expect(problemsOf({ ...realSecrets(), DATA_ENCRYPTION_KEY: Buffer.alloc(32, 0).toString('base64') })).toMatch(
        /DATA_ENCRYPTION_KEY: key 1 is too easy to guess/,
      )
      expect(problemsOf({ ...realSecrets(), DATA_ENCRYPTION_KEYS: `2:${randomBytes(16).toString('base64')}` })).toMatch(
        /DATA_ENCRYPTION_KEYS: key 2 is shorter than 32 bytes/,
      )
      expect(problemsOf({ ...realSecrets(), AUTH_SECRET: 'short' })).toMatch(/AUTH_SECRET: must be at least 32 characters/)
    })

    it('starts with real secrets', () => {
      expect(loadConfig(realSecrets())).toMatchObject({ env: 'production', authMode: 'wechat' })
    })
  })

  it('rotates encryption keys: old values still decrypt, new ones use the new key, lookups stay the same', () => {
    const oldKey = randomBytes(32).toString('base64')
    const before = new FieldCipher(loadConfig({ ...realSecrets(), DATA_ENCRYPTION_KEY: oldKey }).encryptionKeys)
    const stored = before.encrypt('320706199003070111')
    const hash = before.lookupHash('320706199003070111')

    const after = new FieldCipher(
      loadConfig({ ...realSecrets(), DATA_ENCRYPTION_KEYS: `2:${randomBytes(32).toString('base64')},1:${oldKey}` }).encryptionKeys,
    )
    expect(after.decrypt(stored)).toBe('320706199003070111')
    expect(after.encrypt('x').split('.').slice(0, 2)).toEqual(['v2', '2'])
    expect(after.lookupHash('320706199003070111')).toBe(hash)
    // A value written before key ids existed (`v1.`) was written with key 1.
    const legacy = ['v1', ...stored.split('.').slice(2)].join('.')
    expect(after.decrypt(legacy)).toBe('320706199003070111')
    // Without the key that wrote it, a value does not decrypt (and says so).
    const forgotten = new FieldCipher(loadConfig({ ...realSecrets() }).encryptionKeys)
    expect(() => forgotten.decrypt(stored)).toThrow()
  })
})
