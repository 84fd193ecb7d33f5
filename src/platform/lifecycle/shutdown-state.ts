import { Injectable } from '@nestjs/common';

type ShutdownListener = (deadline: number) => void;

/**
 * Whether the process has begun to stop. Set once, at the first signal,
 * before the HTTP server closes: readiness answers 503 from then on, and
 * responses ask the client to close its keep-alive connection, so a load
 * balancer moves traffic elsewhere while requests already accepted finish.
 * Work that is not HTTP (the job runner) hears of it through `onBegin` and
 * stops in parallel with the drain, by the same deadline.
 */
@Injectable()
export class ShutdownState {
  private since: number | undefined;
  private until: number | undefined;
  private readonly listeners: ShutdownListener[] = [];

  get stopping(): boolean {
    return this.since !== undefined;
  }

  /** `Date.now()` by which the stop should be done (the start plus SHUTDOWN_TIMEOUT_MS), once begun with a budget. */
  get deadline(): number | undefined {
    return this.until;
  }

  /** @param budgetMs SHUTDOWN_TIMEOUT_MS: what the whole stop may take from now */
  begin(budgetMs?: number): void {
    if (this.since !== undefined) return;
    this.since = Date.now();
    if (budgetMs !== undefined) this.until = this.since + budgetMs;
    for (const listener of this.listeners.splice(0)) listener(this.until ?? Number.POSITIVE_INFINITY);
  }

  /** Calls `listener` (with the deadline, Infinity when none was given) when the stop begins; at once if it has. */
  onBegin(listener: ShutdownListener): void {
    if (this.since !== undefined) listener(this.until ?? Number.POSITIVE_INFINITY);
    else this.listeners.push(listener);
  }
}
