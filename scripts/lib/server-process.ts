import { fork, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(__dirname, '..', '..')

export interface ServerProcess {
  url: string
  /** Stops it the hard way (`kill -9`): no shutdown hook runs, nothing is flushed. */
  crash(): Promise<void>
  /** Stops it cleanly (SIGTERM), as a deployment does. */
  stop(): Promise<void>
}

/** The real server (`server/src/server.ts`) in its own process, on a free port. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child: ChildProcess = fork(path.join(root, 'server', 'src', 'server.ts'), [], {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 60 s')), 60_000)
    child.on('message', (message: { type?: string; port?: number }) => {
      if (message.type === 'listening' && message.port) {
        clearTimeout(timer)
        resolve(message.port)
      }
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    async crash() {
      child.kill('SIGKILL')
      await exited
    },
    async stop() {
      child.kill('SIGTERM')
      await exited
    },
  }
}

export interface H5Server {
  url: string
  stop(): Promise<void>
}

/**
 * Our server on a fresh embedded database with the demo data, serving an H5 build folder at `/`
 * with everything it sends a browser (security headers, compression, caching). Browser tests and
 * the bench's first-screen figures both run the app this way.
 */
export async function startH5Server(h5Dir: string, env: Record<string, string> = {}): Promise<H5Server> {
  if (!fs.existsSync(path.join(h5Dir, 'index.html'))) throw new Error(`${h5Dir} holds no index.html: build it first`)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgh-h5-'))
  const server = await startServerProcess({ DATA_DIR: dataDir, H5_DIR: h5Dir, AUTH_MODE: 'dev', SEED_DEMO: 'true', ...env })
  return {
    url: server.url,
    async stop() {
      await server.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
