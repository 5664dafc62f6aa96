// `npm start`: the whole app on one port for a newcomer — the backend on the embedded database
// with demo data, and the H5 build of the mini-program at `/` (rebuilt when missing or stale).
import { fork } from 'node:child_process'
import path from 'node:path'
import { buildTarget, h5BuildIsStale, h5Dir, root } from './lib/h5-build'

function main(): void {
  if (h5BuildIsStale()) {
    console.log('Building the H5 app (first run, or the sources changed)…')
    buildTarget('h5')
  }
  const production = process.env.NODE_ENV === 'production'
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    H5_DIR: process.env.H5_DIR ?? h5Dir,
    // A newcomer gets dev mode (dev login, demo data, built-in secrets); production configures its own.
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    AUTH_MODE: process.env.AUTH_MODE ?? (production ? 'wechat' : 'dev'),
    SEED_DEMO: process.env.SEED_DEMO ?? (production ? 'false' : 'true'),
  }
  const server = fork(path.join(root, 'server', 'src', 'server.ts'), [], {
    cwd: root,
    env,
    execArgv: ['--import', 'tsx'],
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  })
  server.on('message', (message: { type?: string; port?: number }) => {
    if (message.type !== 'listening') return
    const url = `http://127.0.0.1:${message.port}`
    console.log(`
  连·工惠 is running:   ${url}
  API docs:             ${url}/api/docs
  Database:             ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${path.resolve(env.DATA_DIR ?? 'data')}`}
${env.AUTH_MODE === 'dev' ? `  Log in:               open 我的 → 点此登录, and pick a demo persona (worker, union staff, city admin, legal staff)\n` : ''}  Stop:                 Ctrl+C
`)
  })
  const forward = (signal: NodeJS.Signals) => () => server.kill(signal)
  process.on('SIGINT', forward('SIGINT'))
  process.on('SIGTERM', forward('SIGTERM'))
  server.on('exit', (code) => process.exit(code ?? 0))
}

main()
