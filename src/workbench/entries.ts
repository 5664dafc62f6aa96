import type { StaffRole } from '@contract/auth'

/**
 * The staff workbench's entries, one per kind of work. Each service line that has staff work
 * adds its entry here: who sees it, where it leads, and how many items are waiting.
 */
export interface WorkbenchEntry {
  key: string
  label: string
  description: string
  /** Page in the workbench subpackage, e.g. `/workbench/pages/membership-queue/index`. */
  path: string
  roles: StaffRole[]
  /** Items waiting for this user, shown as a badge; omitted when there is no queue. */
  waitingCount?: () => Promise<number>
}

export const workbenchEntries: WorkbenchEntry[] = []
