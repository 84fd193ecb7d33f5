/** Something the load script started and must stop: app instances, PgBouncer, the cluster. */
export interface Stoppable {
  name: string;
  /** The orderly stop, awaited in `finally`. */
  stop(): Promise<void>;
  /** The last resort for `process.on('exit')`, where nothing asynchronous runs: must be synchronous. */
  kill(): void;
}

/**
 * Everything still running, stopped in reverse order of start (apps before
 * PgBouncer before PostgreSQL). Installed once by the entry: an `exit` hook
 * kills what is left if the script ends any other way (a second Ctrl-C, the
 * watchdog, an uncaught error), so no process outlives it.
 */
export class Teardown {
  private readonly items: Stoppable[] = [];

  constructor(private readonly log: (line: string) => void) {
    process.on('exit', () => this.killAll());
  }

  /** Registers `item`; call the returned function once it has stopped by other means. */
  add(item: Stoppable): () => void {
    this.items.push(item);
    return () => this.remove(item);
  }

  /** Stops `item` now (if still registered) and forgets it. */
  async stop(item: Stoppable): Promise<void> {
    if (!this.items.includes(item)) return;
    this.remove(item);
    await item.stop();
  }

  async stopAll(): Promise<void> {
    for (const item of [...this.items].reverse()) {
      try {
        await this.stop(item);
      } catch (error) {
        this.log(`could not stop ${item.name} cleanly (${(error as Error).message}); killing it`);
        item.kill();
      }
    }
  }

  private killAll(): void {
    for (const item of this.items.splice(0).reverse()) {
      try {
        item.kill();
      } catch {
        // already gone; nothing else can be done while the process exits
      }
    }
  }

  private remove(item: Stoppable): void {
    const index = this.items.indexOf(item);
    if (index !== -1) this.items.splice(index, 1);
  }
}
