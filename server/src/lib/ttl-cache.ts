/**
 * A single value kept for a short time: reference data read on every home-page visit does not
 * need a database round trip each time. Concurrent misses share one load.
 */
export class TtlCache<T> {
  private value: { data: T; expiresAt: number } | undefined
  private loading: Promise<T> | undefined

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(load: () => Promise<T>): Promise<T> {
    if (this.value && this.value.expiresAt > this.now()) return this.value.data
    if (!this.loading) {
      this.loading = load()
        .then((data) => {
          this.value = { data, expiresAt: this.now() + this.ttlMs }
          return data
        })
        .finally(() => {
          this.loading = undefined
        })
    }
    return this.loading
  }

  clear(): void {
    this.value = undefined
  }
}
