import { defineJob } from '../../core/jobs'
import type { FileStorage } from './storage'
import { sweepUnattachedUploads } from './uploads.service'

/** A file nobody attached within this long is removed. */
export const PENDING_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000

/** Hourly, on one instance: uploads nobody attached within a day, and bytes no row names. */
export function uploadSweepJob(storage: FileStorage) {
  return defineJob({
    name: 'uploads.sweep',
    everyMs: 60 * 60 * 1000,
    async run(context) {
      await sweepUnattachedUploads(context.db, storage, new Date(context.now.getTime() - PENDING_UPLOAD_TTL_MS))
    },
  })
}
