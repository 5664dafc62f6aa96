// One Jest, three kinds of test: the contract's pure rules, pages in jsdom, and the API.
// The API project runs on PGlite by default and on PostgreSQL when TEST_DATABASE_URL is set
// (scripts/test.mjs runs it both ways).
const nodeBabel = {
  configFile: false,
  babelrc: false,
  presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
}

const aliases = {
  '^@/(.*)$': '<rootDir>/src/$1',
  '^@contract/(.*)$': '<rootDir>/contract/$1',
  // Test data shared by page tests and API tests (never imported by the app).
  '^@fixtures/(.*)$': '<rootDir>/test/fixtures/$1',
}

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'contract',
      testEnvironment: 'node',
      roots: ['<rootDir>/contract'],
      transform: { '^.+\\.[jt]sx?$': ['babel-jest', nodeBabel] },
      moduleNameMapper: aliases,
    },
    {
      displayName: 'tools',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/tools'],
      transform: { '^.+\\.[jt]sx?$': ['babel-jest', nodeBabel] },
      moduleNameMapper: aliases,
    },
    {
      // Needs the H5 build and Chromium; scripts/test.ts builds first, then runs this project.
      displayName: 'browser',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/browser'],
      transform: { '^.+\\.[jt]sx?$': ['babel-jest', nodeBabel] },
      moduleNameMapper: aliases,
      setupFilesAfterEnv: ['<rootDir>/test/jest/browser-timeout.js'],
    },
    {
      displayName: 'web',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/src'],
      setupFiles: ['<rootDir>/test/jest/web-setup.js'],
      transform: { '^.+\\.(mjs|[jt]sx?)$': ['babel-jest', { configFile: require.resolve('./babel.config.js') }] },
      transformIgnorePatterns: [
        '/node_modules/(?!(@tarojs|@stencil|swiper|dom7|ssr-window|lodash-es|tslib|style-inject|nanoid|\\.pnpm|query-string|decode-uri-component|split-on-first|filter-obj)/)',
      ],
      moduleNameMapper: {
        ...aliases,
        '^@tarojs/taro$': '<rootDir>/test/jest/taro-shim.js',
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '\\.(css|scss)$': '<rootDir>/test/jest/style-stub.js',
      },
    },
    {
      displayName: 'api',
      testEnvironment: 'node',
      roots: ['<rootDir>/server/test'],
      transform: { '^.+\\.[jt]sx?$': ['babel-jest', nodeBabel] },
      moduleNameMapper: aliases,
      // light-my-request (behind app.inject) requires cookie@2, which ships only as ESM.
      transformIgnorePatterns: ['/node_modules/(?!(cookie)/)'],
      globalSetup: '<rootDir>/server/test/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/server/test/helpers/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/jest/api-timeout.js'],
    },
  ],
}
