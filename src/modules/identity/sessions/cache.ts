// An optional, short in-process cache of resolved sessions (SESSION_CACHE_MS, default off). It
// saves the session query on every request; the price is a bounded delay: a logout, a disabled
// account or a role change made through ANOTHER instance is seen here after at most `ttlMs`
// (the same instance drops its entries at once).
import type { Principal } from '../../../core/access/index.ts';
import type { SessionRow } from './store.ts';

interface Entry {
  value: { session: SessionRow; principal: Principal };
  cachedAt: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 20_000,
  ) {}

  get(idHash: string, now: number): { session: SessionRow; principal: Principal } | undefined {
    const entry = this.entries.get(idHash);
    if (!entry) return undefined;
    if (now - entry.cachedAt >= this.ttlMs) {
      this.entries.delete(idHash);
      return undefined;
    }
    return entry.value;
  }

  set(idHash: string, value: { session: SessionRow; principal: Principal }, now: number): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(idHash, { value, cachedAt: now });
  }

  delete(idHash: string): void {
    this.entries.delete(idHash);
  }

  deleteAccount(accountId: string): void {
    for (const [key, entry] of this.entries) if (entry.value.session.accountId === accountId) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
