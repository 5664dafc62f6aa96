// What the H5 build ships, read from its files (not from webpack's stats, so the bench measures
// the very bytes the server sends): each JavaScript chunk and the webpack modules inside it.
import fs from 'node:fs'
import path from 'node:path'
import { parse, type Node } from 'acorn'

export interface H5Chunk {
  /** Path under the build folder, e.g. `js/app.1a2b3c4d.js`. */
  file: string
  bytes: number
  /** Module id → the bytes of its code in this chunk. */
  modules: Map<string, number>
}

export interface Duplication {
  /** Bytes of every module copy beyond its first, over the whole build. */
  bytes: number
  /** Modules found in more than one chunk. */
  modules: number
  /** The largest module found in more than one chunk. */
  largest?: { id: string; bytes: number; copies: number; files: string[] }
}

interface Property {
  type: string
  key?: { type: string; value?: unknown; name?: string }
  value?: { type: string; start: number; end: number }
}

/**
 * A webpack module map: `{"1234": function (module, exports, require) {…}, …}`. Production builds
 * number their modules, so an object whose every key is a number and every value a function is one.
 */
function moduleMap(node: Node): Array<[string, number]> | undefined {
  if (node.type !== 'ObjectExpression') return undefined
  const properties = (node as unknown as { properties: Property[] }).properties
  if (properties.length === 0) return undefined
  const entries: Array<[string, number]> = []
  for (const property of properties) {
    const key = property.key?.type === 'Literal' ? String(property.key.value) : undefined
    const value = property.value
    if (property.type !== 'Property' || key === undefined || !/^\d+$/.test(key) || !value) return undefined
    if (value.type !== 'FunctionExpression' && value.type !== 'ArrowFunctionExpression') return undefined
    entries.push([key, value.end - value.start])
  }
  return entries
}

function collectModules(node: Node, into: Map<string, number>): void {
  const found = moduleMap(node)
  if (found) {
    for (const [id, bytes] of found) into.set(id, bytes)
    return
  }
  for (const value of Object.values(node)) {
    const children = Array.isArray(value) ? value : [value]
    for (const child of children) {
      if (child && typeof child === 'object' && typeof (child as Node).type === 'string') collectModules(child as Node, into)
    }
  }
}

/** Every JavaScript chunk of an H5 build folder (e.g. `dist-h5`), with its modules. */
export function readChunks(h5Dir: string): H5Chunk[] {
  const jsDir = path.join(h5Dir, 'js')
  return fs
    .readdirSync(jsDir)
    .filter((name) => name.endsWith('.js'))
    .sort()
    .map((name) => {
      const code = fs.readFileSync(path.join(jsDir, name), 'utf8')
      const modules = new Map<string, number>()
      collectModules(parse(code, { ecmaVersion: 'latest', sourceType: 'script' }) as Node, modules)
      return { file: `js/${name}`, bytes: Buffer.byteLength(code), modules }
    })
}

/** Which modules are copied into more than one chunk, and what the copies cost. */
export function duplication(chunks: readonly H5Chunk[]): Duplication {
  const copies = new Map<string, { bytes: number; files: string[] }>()
  for (const chunk of chunks) {
    for (const [id, bytes] of chunk.modules) {
      const entry = copies.get(id) ?? { bytes: 0, files: [] }
      entry.bytes = Math.max(entry.bytes, bytes)
      entry.files.push(chunk.file)
      copies.set(id, entry)
    }
  }
  const result: Duplication = { bytes: 0, modules: 0 }
  for (const [id, { bytes, files }] of copies) {
    if (files.length < 2) continue
    result.bytes += bytes * (files.length - 1)
    result.modules += 1
    if (bytes > (result.largest?.bytes ?? 0)) result.largest = { id, bytes, copies: files.length, files }
  }
  return result
}
