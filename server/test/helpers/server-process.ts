// The server in its own process is shared with the browser tests and the bench (scripts/lib).
export { startServerProcess, type ServerProcess } from '../../../scripts/lib/server-process'

/** Waits for a condition by asking again, never longer than `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('the condition did not hold in time')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
