import fs from 'node:fs'

/**
 * CPU time (user + system, in ms) that processes have used so far, read from Linux's /proc: the
 * bench reads it around a run to tell how much CPU an answer cost the server and the database,
 * which holds on a busy machine where a rate in req/s does not. Elsewhere there is no /proc and
 * nothing is reported (undefined).
 */
// USER_HZ, the unit of /proc's times: 100 on every Linux ABI, whatever the kernel's own tick.
const TICKS_PER_SECOND = 100

function statFields(pid: number): string[] | undefined {
  try {
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  } catch {
    return undefined
  }
}

/** One process's CPU so far, in ms (utime and stime are fields 14 and 15, so 11 and 12 after the name). */
export function processCpuMs(pid: number): number | undefined {
  const fields = statFields(pid)
  return fields ? ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND : undefined
}

/**
 * A process and every process under it (PostgreSQL's postmaster and its backends, say): the CPU
 * of each one alive now, by process id. Compare two readings with `cpuUsedBetween`.
 */
export function processTreeCpuMs(rootPid: number): Map<number, number> | undefined {
  if (!fs.existsSync('/proc')) return undefined
  const parentOf = new Map<number, number>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const fields = statFields(Number(entry))
    // Field 4 (ppid) is the second after the name.
    if (fields) parentOf.set(Number(entry), Number(fields[1]))
  }
  const inTree = (pid: number): boolean => {
    for (let at: number | undefined = pid; at !== undefined && at > 1; at = parentOf.get(at)) if (at === rootPid) return true
    return false
  }
  const used = new Map<number, number>()
  for (const pid of parentOf.keys()) {
    const ms = inTree(pid) ? processCpuMs(pid) : undefined
    if (ms !== undefined) used.set(pid, ms)
  }
  return used
}

/**
 * The CPU a tree of processes used between two readings, in ms: each process alive at the second,
 * less what it had used at the first (a process started in between counts whole). A process that
 * ended in between takes its time with it (an autovacuum worker, say), so this is a lower bound.
 */
export function cpuUsedBetween(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let used = 0
  for (const [pid, ms] of after) used += ms - (before.get(pid) ?? 0)
  return used
}
