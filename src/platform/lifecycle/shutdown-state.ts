import { Injectable } from '@nestjs/common';

/**
 * Whether the process has begun to stop. Set once, at the first signal,
 * before the HTTP server closes: readiness answers 503 from then on, and
 * responses ask the client to close its keep-alive connection, so a load
 * balancer moves traffic elsewhere while requests already accepted finish.
 */
@Injectable()
export class ShutdownState {
  private since: number | undefined;

  get stopping(): boolean {
    return this.since !== undefined;
  }

  begin(): void {
    this.since ??= Date.now();
  }
}
