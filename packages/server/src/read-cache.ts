/**
 * Read-through cache of settings reads per tenant (the hot GET path), invalidated per tenant after every
 * committed write of this process and, on Postgres, after every write of any process (LISTEN/NOTIFY on
 * `mp_tenant_changed`). A read only fills the cache when no invalidation happened while it ran, so a write
 * that commits during a read cannot leave the older value behind.
 */
export class ReadCache<T> {
  private tenants = new Map<string, Map<string, T>>();
  private generation = 0;
  private enabled: boolean;

  constructor(
    enabled = true,
    private maxTenants = 10_000,
  ) {
    this.enabled = enabled;
  }

  /** The cached value of `tenant`/`key`, or `load()` (remembered when nothing changed meanwhile). */
  async read(tenant: string, key: string, load: () => Promise<T>): Promise<T> {
    const slot = this.tenants.get(tenant);
    if (slot?.has(key)) return slot.get(key)!;
    const before = this.generation;
    const value = await load();
    if (this.enabled && before === this.generation) {
      let s = this.tenants.get(tenant);
      if (!s) {
        if (this.tenants.size >= this.maxTenants) this.tenants.clear();
        s = new Map();
        this.tenants.set(tenant, s);
      }
      s.set(key, value);
    }
    return value;
  }

  /** Forgets everything cached for a tenant. */
  invalidate(tenant: string): void {
    this.generation++;
    this.tenants.delete(tenant);
  }

  /** Forgets everything; `enabled: false` also stops caching until enabled again (e.g. lost notifications). */
  reset(enabled: boolean): void {
    this.generation++;
    this.tenants.clear();
    this.enabled = enabled;
  }
}
