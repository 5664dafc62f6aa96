import { ConfigError, loadConfig } from '../src/config'

describe('loadConfig', () => {
  it('gives working defaults for a newcomer', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ port: 3000, authMode: 'wechat', databaseUrl: undefined, env: 'development' })
    expect(config.dataDir).toMatch(/data$/)
  })

  it('names every bad variable in one message', () => {
    let message = ''
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url', DATA_ENCRYPTION_KEY: 'c2hvcnQ=' })
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      message = (error as Error).message
    }
    expect(message).toMatch(/PORT/)
    expect(message).toMatch(/DATABASE_URL/)
    expect(message).toMatch(/DATA_ENCRYPTION_KEY: must be 32 bytes/)
  })

  it('in production, requires real secrets and refuses demo data', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toThrow(
      /SEED_DEMO[\s\S]*AUTH_SECRET: required in production[\s\S]*DATA_ENCRYPTION_KEY[\s\S]*WECHAT_APPID[\s\S]*WECHAT_SECRET/,
    )
  })
})
