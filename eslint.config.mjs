import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import fs from 'node:fs'

/**
 * Service lines never import each other, on either side, and the platform never imports a line
 * (only the line registry lists them). The folders are read from disk, so a new line is covered
 * the day its folder appears.
 */
const dirs = (path) =>
  fs.existsSync(path)
    ? fs
        .readdirSync(path, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
    : []
const files = (path) => (fs.existsSync(path) ? fs.readdirSync(path).filter((name) => name.endsWith('.ts')) : [])
const serverLines = dirs('server/src/lines')
const contractLines = files('contract/lines')
  .filter((name) => !name.endsWith('.test.ts'))
  .map((name) => name.replace(/\.ts$/, ''))
/** The mini-program's folders that are not the kit: the tab pages, platform subpackages and line subpackages. */
const kitFolders = new Set(['components', 'hooks', 'services', 'assets', 'pages'])
const subpackages = dirs('src').filter((name) => !kitFolders.has(name))
const lineImport = (line) => [`**/lines/${line}`, `**/lines/${line}/**`, `../${line}`, `../${line}/**`, `@contract/lines/${line}`]
const boundaryRules = [
  ...serverLines.map((line) => ({
    files: [`server/src/lines/${line}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: serverLines
                .filter((other) => other !== line)
                .flatMap(lineImport)
                .concat(contractLines.filter((other) => other !== line).map((other) => `**/contract/lines/${other}`)),
              message:
                'A service line never imports another line: move what both need into the shared kit (server/src/core, platform or contract).',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['server/src/core/**/*.ts', 'server/src/platform/**/*.ts', 'server/src/lib/**/*.ts', 'server/src/plugins/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/lines/*', '**/lines/*/**', '@contract/lines/*'],
              message: 'The platform and the kit never import a service line: lines register themselves in server/src/lines/registry.ts.',
            },
          ],
        },
      ],
    },
  },
  ...contractLines.map((line) => ({
    files: [`contract/lines/${line}.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'Use zod/mini in the contract: it is what the mini-program ships.' }],
          patterns: [
            {
              group: ['node:*', '@tarojs/*', '**/server/**', '**/src/**'],
              message: 'The contract is shared by both sides: no Taro, no Node, no server code.',
            },
            {
              group: contractLines.filter((other) => other !== line).map((other) => `./${other}`),
              message: 'Contract files of service lines never import each other.',
            },
          ],
        },
      ],
    },
  })),
  ...subpackages.map((name) => ({
    files: [`src/${name}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path'], message: 'The mini-program has no Node.' },
            {
              group: subpackages.filter((other) => other !== name).flatMap((other) => [`@/${other}/**`, `**/${other}/**`]),
              message:
                'A subpackage never imports another subpackage (WeChat loads them apart): move what both need into src/components, src/hooks or src/services.',
            },
            {
              group: contractLines.filter((other) => other.replace(/_/g, '-') !== name).map((other) => `@contract/lines/${other}`),
              message: "A subpackage uses its own line's contract only.",
            },
          ],
        },
      ],
    },
  })),
  {
    files: [
      'src/components/**/*.{ts,tsx}',
      'src/hooks/**/*.{ts,tsx}',
      'src/services/**/*.{ts,tsx}',
      'src/pages/**/*.{ts,tsx}',
      'src/app.tsx',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path'], message: 'The mini-program has no Node.' },
            ...subpackages.map((other) => ({ group: [`@/${other}/**`], message: 'The kit and the tab pages never import a subpackage.' })),
            { group: ['@contract/lines/*'], message: 'The kit and the tab pages are the same for every line: no line contract here.' },
          ],
        },
      ],
    },
  },
]

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-h5/**',
      'node_modules/**',
      'data/**',
      'test-results/**',
      'coverage/**',
      'scratch/**',
      'server/migrations/**',
      '.swc/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { react, 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, definePageConfig: 'readonly', defineAppConfig: 'readonly' } },
    settings: { react: { version: '18.3' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'react/prop-types': 'off',
      // The mini-program has no DOM: nothing from Node or the browser outside Taro's API.
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path'] }],
    },
  },
  {
    files: ['contract/**/*.ts'],
    rules: {
      // The contract is shared by both sides: no Taro, no Node, no server code.
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'Use zod/mini in the contract: it is what the mini-program ships.' }],
          patterns: ['node:*', '@tarojs/*', '**/server/**', '**/src/**'],
        },
      ],
    },
  },
  ...boundaryRules,
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts', 'test/jest/*.js'],
    languageOptions: { globals: { ...globals.jest } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
)
