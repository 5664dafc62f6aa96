// Requests a page needs that can start before the page's code has arrived. In a browser a page's
// code is a chunk fetched only once the app's own code has run; a request started at that moment
// travels while the chunk downloads and parses, so its answer is there (or nearly) when the page
// first asks.

const started = new Map<string, Promise<unknown>>()

/** Starts `load` now; the first `takeEarly` of the same key gets its answer (or its error). */
export function startEarly(key: string, load: () => Promise<unknown>): void {
  if (started.has(key)) return
  const promise = load()
  // Nobody may ever take it (the user left first): its failure must not count as unhandled.
  promise.catch(() => undefined)
  started.set(key, promise)
}

/** What was started early under `key`, once; afterwards (a reload), `load()` itself. */
export function takeEarly<T>(key: string, load: () => Promise<T>): Promise<T> {
  const early = started.get(key) as Promise<T> | undefined
  if (!early) return load()
  started.delete(key)
  return early
}
