import fs from 'node:fs'
import path from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/**
 * Where uploaded bytes live. The local directory is the default; an object store (COS, OSS, S3)
 * implements the same methods. Keys are ours (random hex), never a user's file name.
 */
export interface FileStorage {
  /** Writes the stream under `key`; resolves with its size and first bytes (for sniffing). */
  write(key: string, source: Readable): Promise<{ size: number; head: Buffer }>
  read(key: string): Readable
  remove(key: string): Promise<void>
  exists(key: string): Promise<boolean>
  /** Keys of files written before `before`: the sweep looks among them for bytes no row names. */
  keysWrittenBefore(before: Date): Promise<string[]>
}

const KEY = /^[a-f0-9]{32}$/
const HEAD_BYTES = 16

export class LocalFileStorage implements FileStorage {
  constructor(readonly directory: string) {}

  private pathOf(key: string): string {
    // Keys are checked even though only our code makes them: no key can leave the directory.
    if (!KEY.test(key)) throw new Error('invalid storage key')
    return path.join(this.directory, key.slice(0, 2), key)
  }

  async write(key: string, source: Readable): Promise<{ size: number; head: Buffer }> {
    const target = this.pathOf(key)
    await fs.promises.mkdir(path.dirname(target), { recursive: true })
    let size = 0
    let head = Buffer.alloc(0)
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length
        if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)])
        done(null, chunk)
      },
    })
    try {
      await pipeline(source, measure, fs.createWriteStream(target, { flags: 'wx', mode: 0o600 }))
    } catch (error) {
      await this.remove(key)
      throw error
    }
    return { size, head }
  }

  read(key: string): Readable {
    return fs.createReadStream(this.pathOf(key))
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true })
  }

  async exists(key: string): Promise<boolean> {
    try {
      await fs.promises.access(this.pathOf(key))
      return true
    } catch {
      return false
    }
  }

  async keysWrittenBefore(before: Date): Promise<string[]> {
    const keys: string[] = []
    const shards = await fs.promises.readdir(this.directory, { withFileTypes: true }).catch(() => [])
    for (const shard of shards) {
      if (!shard.isDirectory() || !/^[a-f0-9]{2}$/.test(shard.name)) continue
      for (const name of await fs.promises.readdir(path.join(this.directory, shard.name))) {
        // Anything else in the directory is not ours to judge.
        if (!KEY.test(name) || name.slice(0, 2) !== shard.name) continue
        const stat = await fs.promises.stat(path.join(this.directory, shard.name, name)).catch(() => undefined)
        if (stat && stat.mtime < before) keys.push(name)
      }
    }
    return keys
  }
}
