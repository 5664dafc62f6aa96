import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { SERVED_CATALOGUE_ID, type ServedCatalogue } from '@contract/served-page'

/** A file name the build stamped with a hash of its content (`app.1a2b3c4d.js`, `app.<20 hex>.css`). */
const HASHED_NAME = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i

/**
 * How long a browser may keep a file of the H5 build: one whose name carries its content's hash
 * never changes (a new build makes a new name), so a year without asking again; anything else,
 * `index.html` above all, is asked for again each time so a new build is picked up at once.
 */
function h5CacheControl(filePath: string): string {
  const name = path.basename(filePath).replace(/\.(br|gz)$/, '')
  return HASHED_NAME.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache'
}

/**
 * JSON that stays JSON inside a `<script>` element: `<` is written as its escape, so no text in
 * the catalogue (a notice's title, say) can close the element or open a comment.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

interface RenderedPage {
  key: string
  etag: string
  identity: Buffer
  br: Buffer
  gzip: Buffer
}

/**
 * The H5 page (`index.html`) with the home's catalogue written into it. A browser opening the app
 * on its home page (a 公众号 menu, a shared link) then draws the service grid in the page's first
 * render: measured in headless Chromium at 4× CPU, waiting for the catalogue request and drawing
 * the loading state first cost about a sixth of the time to the grid. The block is data, never
 * run (`type="application/json"`), so the content security policy is unchanged. Each version is
 * compressed once and kept until the build or the catalogue changes; if the catalogue cannot be
 * read, the page goes out as built and the app asks the API as it always could.
 */
class IndexPage {
  private built: { mtimeMs: number; html: string } | undefined
  private rendered: RenderedPage | undefined

  constructor(
    private readonly file: string,
    private readonly app: FastifyInstance,
  ) {}

  private async builtHtml(): Promise<{ mtimeMs: number; html: string }> {
    const { mtimeMs } = await fs.promises.stat(this.file)
    if (this.built?.mtimeMs !== mtimeMs) this.built = { mtimeMs, html: await fs.promises.readFile(this.file, 'utf8') }
    return this.built
  }

  private async catalogueBlock(): Promise<string> {
    try {
      const [services, notices] = await Promise.all([this.app.catalogue.services(), this.app.catalogue.notices()])
      const served: ServedCatalogue = { ...services, ...notices }
      return `<script type="application/json" id="${SERVED_CATALOGUE_ID}">${jsonForScriptElement(served)}</script>`
    } catch (error) {
      this.app.log.warn({ err: error }, 'H5 page served without its catalogue')
      return ''
    }
  }

  async current(): Promise<RenderedPage> {
    const [built, block] = await Promise.all([this.builtHtml(), this.catalogueBlock()])
    const key = `${built.mtimeMs}\n${block}`
    if (this.rendered?.key === key) return this.rendered
    const html = block && built.html.includes('</head>') ? built.html.replace('</head>', `${block}</head>`) : built.html
    const identity = Buffer.from(html)
    this.rendered = {
      key,
      etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
      identity,
      br: zlib.brotliCompressSync(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }),
      gzip: zlib.gzipSync(identity, { level: 9 }),
    }
    return this.rendered
  }

  async send(request: FastifyRequest, reply: FastifyReply): Promise<Buffer | undefined> {
    const page = await this.current()
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('vary', 'accept-encoding')
      .header('etag', page.etag)
    if (request.headers['if-none-match'] === page.etag) {
      reply.code(304)
      return undefined
    }
    const accepts = String(request.headers['accept-encoding'] ?? '')
    if (/\bbr\b/.test(accepts)) {
      reply.header('content-encoding', 'br')
      return page.br
    }
    if (/\bgzip\b/.test(accepts)) {
      reply.header('content-encoding', 'gzip')
      return page.gzip
    }
    return page.identity
  }
}

/**
 * Serves the H5 build of the mini-program at `/` (hash router: only real files are needed). The
 * build writes each text file also brotli- and gzip-compressed (config/prod.ts); the one the
 * browser accepts is sent, so nothing is compressed per request. The page itself carries the
 * home's catalogue (IndexPage).
 */
export async function serveH5(app: FastifyInstance, h5Dir: string): Promise<void> {
  const indexFile = path.join(h5Dir, 'index.html')
  if (!fs.existsSync(indexFile)) {
    app.log.warn({ h5Dir }, 'H5 build not found; serving the API only')
    return
  }
  const page = new IndexPage(indexFile, app)
  const sendPage = (request: FastifyRequest, reply: FastifyReply) => page.send(request, reply)
  app.get('/', { schema: { hide: true } }, sendPage)
  app.get('/index.html', { schema: { hide: true } }, sendPage)
  await app.register(fastifyStatic, {
    root: h5Dir,
    prefix: '/',
    index: false,
    wildcard: true,
    preCompressed: true,
    // @fastify/send writes its own `cache-control: public, max-age=0` after setHeaders has run,
    // replacing ours: it is turned off so the header below is the one sent.
    cacheControl: false,
    setHeaders(response, filePath) {
      response.setHeader('cache-control', h5CacheControl(filePath))
      // The same URL answers differently by Accept-Encoding: caches between must keep them apart.
      response.setHeader('vary', 'accept-encoding')
    },
  })
}
