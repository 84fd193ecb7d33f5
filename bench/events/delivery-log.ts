/**
 * When each job (by its sequence number) was handed to its handler, and
 * promises that resolve once enough have been. One log per measurement:
 * jobs of earlier measurements (sequence numbers below `firstSeq`) that a
 * worker still picks up are ignored.
 */
export class DeliveryLog {
  readonly startedAt = new Map<number, number>();
  private waiters: { ready: () => boolean; resolve: () => void }[] = [];

  constructor(readonly firstSeq: number) {}

  record(seq: number, at = performance.now()): void {
    if (seq < this.firstSeq || this.startedAt.has(seq)) return;
    this.startedAt.set(seq, at);
    if (this.waiters.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.ready()) return true;
      waiter.resolve();
      return false;
    });
  }

  get count(): number {
    return this.startedAt.size;
  }

  /** Resolves true once `count` jobs were delivered, false after `timeoutMs` without. */
  waitForCount(count: number, timeoutMs: number): Promise<boolean> {
    return this.waitUntil(() => this.startedAt.size >= count, timeoutMs);
  }

  /** Resolves true once job `seq` was delivered, false after `timeoutMs` without. */
  waitForSeq(seq: number, timeoutMs: number): Promise<boolean> {
    return this.waitUntil(() => this.startedAt.has(seq), timeoutMs);
  }

  private waitUntil(ready: () => boolean, timeoutMs: number): Promise<boolean> {
    if (ready()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = {
        ready,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        resolve(false);
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
}
