import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { SERVED_CATALOGUE_ID } from '@contract/served-page'
import { notices } from '../../src/platform/catalogue/catalogue.tables'
import { createTestApp, type TestApp } from '../helpers/test-app'

// An H5 build folder as `taro build --type h5` writes it: hashed scripts and styles with their
// precompressed twins, index.html (also precompressed) and an image whose name has no hash.
const script = `console.log(${JSON.stringify('连·工惠 '.repeat(200))})\n`
const html = `<!doctype html><html><head><script defer src="/js/app.1a2b3c4d.js"></script></head><body>${'<div></div>'.repeat(100)}</body></html>`
const style = `.lg-card{color:#c8161d}\n`.repeat(100)

function writeBuild(dir: string): void {
  const write = (file: string, content: string, compressed = true) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    fs.writeFileSync(path.join(dir, file), content)
    if (!compressed) return
    fs.writeFileSync(path.join(dir, `${file}.br`), zlib.brotliCompressSync(content))
    fs.writeFileSync(path.join(dir, `${file}.gz`), zlib.gzipSync(content))
  }
  write('index.html', html)
  write('js/app.1a2b3c4d.js', script)
  write('css/app.0123456789abcdef0123.css', style)
  write('static/images/tab.png', 'not really a png', false)
}

describe('the H5 build as the server sends it', () => {
  let t: TestApp
  let h5Dir: string
  beforeAll(async () => {
    h5Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgh-h5-static-'))
    writeBuild(h5Dir)
    t = await createTestApp({ env: { H5_DIR: h5Dir }, demo: false })
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(h5Dir, { recursive: true, force: true })
  })

  const get = (url: string, acceptEncoding?: string) =>
    t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} })

  it('a hashed script is sent brotli-compressed when the browser takes brotli, and kept a year', async () => {
    const response = await get('/js/app.1a2b3c4d.js', 'gzip, deflate, br')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.headers['content-type']).toMatch(/javascript/)
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(response.headers.vary).toMatch(/accept-encoding/i)
    expect(zlib.brotliDecompressSync(response.rawPayload).toString()).toBe(script)
    expect(response.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 4)
  })

  it('gzip to a browser without brotli, the plain file to one that takes neither; both kept a year', async () => {
    const gzipped = await get('/css/app.0123456789abcdef0123.css', 'gzip')
    expect(gzipped.headers['content-encoding']).toBe('gzip')
    expect(gzipped.headers['content-type']).toMatch(/text\/css/)
    expect(zlib.gunzipSync(gzipped.rawPayload).toString()).toBe(style)
    expect(gzipped.headers['cache-control']).toBe('public, max-age=31536000, immutable')

    const plain = await get('/js/app.1a2b3c4d.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(script)
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  /** The catalogue block the server wrote into a page, read back as the app reads it. */
  const servedCatalogue = (page: string) => {
    const found = new RegExp(`<script type="application/json" id="${SERVED_CATALOGUE_ID}">(.*?)</script>`).exec(page)
    return found ? (JSON.parse(found[1]!) as Record<string, unknown>) : undefined
  }

  it('index.html is compressed too but asked for again every time, so a new build shows at once', async () => {
    for (const url of ['/', '/index.html']) {
      const response = await get(url, 'br')
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-encoding']).toBe('br')
      expect(response.headers['content-type']).toMatch(/text\/html/)
      expect(response.headers['cache-control']).toBe('no-cache')
      expect(response.headers.vary).toMatch(/accept-encoding/i)
      const page = zlib.brotliDecompressSync(response.rawPayload).toString()
      expect(page.replace(/<script type="application\/json"[^>]*>.*?<\/script>/, '')).toBe(html)
      // The security headers stay on the page.
      expect(String(response.headers['content-security-policy'])).toContain("default-src 'self'")
    }
    const gzipped = await get('/', 'gzip')
    expect(gzipped.headers['content-encoding']).toBe('gzip')
    expect(servedCatalogue(zlib.gunzipSync(gzipped.rawPayload).toString())).toBeDefined()
    const first = await get('/index.html')
    expect(first.headers['cache-control']).toBe('no-cache')
    const again = await t.app.inject({ method: 'GET', url: '/index.html', headers: { 'if-none-match': String(first.headers.etag) } })
    expect(again.statusCode).toBe(304)

    const rebuilt = html.replace('<body>', '<body><p>新版本</p>')
    fs.writeFileSync(path.join(h5Dir, 'index.html'), rebuilt)
    fs.utimesSync(path.join(h5Dir, 'index.html'), new Date(), new Date(Date.now() + 5000))
    const afterBuild = await get('/')
    expect(afterBuild.body).toContain('<p>新版本</p>')
    expect(afterBuild.headers.etag).not.toBe(first.headers.etag)
    fs.writeFileSync(path.join(h5Dir, 'index.html'), html)
  })

  it('the page carries the home catalogue as the API gives it, as data no text in it can break out of', async () => {
    const title = '</script><script>alert(1)</script><!-- 通知'
    await t.database.db.insert(notices).values({ title, body: '正文\u2028第二行' })
    const page = (await get('/')).body
    expect(page).not.toContain('<script>alert(1)')
    const served = servedCatalogue(page)
    expect(served).toEqual({ ...(await get('/api/services')).json(), ...(await get('/api/notices')).json() })
    expect((served!.notices as Array<{ title: string }>)[0]!.title).toBe(title)
  })

  it('a file whose name carries no hash is never kept without asking', async () => {
    const response = await get('/static/images/tab.png', 'br, gzip')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(response.headers['cache-control']).toBe('no-cache')
  })
})
