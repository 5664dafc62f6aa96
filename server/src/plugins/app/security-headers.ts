import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import helmet from 'helmet'

/** The inline scripts of the H5 page (Taro writes one for its layout), as CSP hashes. */
export function inlineScriptHashes(h5Dir: string | undefined): string[] {
  if (!h5Dir) return []
  const file = path.join(h5Dir, 'index.html')
  if (!fs.existsSync(file)) return []
  const html = fs.readFileSync(file, 'utf8')
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) =>
      `'sha256-${createHash('sha256')
        .update(match[1] ?? '')
        .digest('base64')}'`,
  )
}

/**
 * Security headers on the API and the H5 page: a content security policy the H5 build runs under
 * (its own scripts and the inline one it was built with; styles inline, as Taro's components set
 * them; images also from data: and blob: URLs, the QR codes and picked photos), no framing, no
 * sniffing, no referrer, and HSTS whenever the request came over HTTPS.
 *
 * `helmet` itself, built once: its Fastify wrapper builds the middleware again on every request,
 * parsing the whole policy each time, which cost about a tenth of a short API read.
 */
export default fp(
  async function securityHeaders(app: FastifyInstance) {
    const setHeaders = helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", ...inlineScriptHashes(app.config.h5Dir)],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          // Taro's H5 upload reads the picked file back from its blob: URL before sending it.
          connectSrc: ["'self'", 'blob:'],
          mediaSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      // Sent below, only over HTTPS: over plain HTTP it means nothing and can lock out a local setup.
      strictTransportSecurity: false,
    })
    app.addHook('onRequest', (request, reply, done) => setHeaders(request.raw, reply.raw, () => done()))
    app.addHook('onSend', async (request, reply) => {
      if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains')
    })
  },
  { name: 'security-headers', dependencies: ['context'] },
)
