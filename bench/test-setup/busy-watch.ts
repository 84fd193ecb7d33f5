import { execFileSync } from 'node:child_process';

/**
 * Notices other people's Jest runs while the bench measures: on a 2-core
 * machine a concurrent `npm test` moves every number. Samples `ps` once a
 * second; Jest processes in a process group the bench started are its own.
 */
export class BusyWatch {
  private readonly own = new Set<number>();
  private samples = 0;
  private busy = 0;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.sample(), 1000);
    this.timer.unref();
  }

  /** A process group started by the bench (its jest runs). */
  addOwnGroup(pgid: number): void {
    this.own.add(pgid);
  }

  /** Share of samples since the last call that saw a foreign Jest process, e.g. `0/12`. */
  takeSection(): { busy: number; samples: number } {
    const section = { busy: this.busy, samples: this.samples };
    this.busy = this.samples = 0;
    return section;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    let listing: string;
    try {
      listing = execFileSync('ps', ['-eo', 'pgid=,args='], { encoding: 'utf8', timeout: 2000 });
    } catch {
      return;
    }
    const foreign = listing.split('\n').some((line) => {
      const match = /^\s*(\d+)\s+(.*)$/.exec(line);
      return match !== null && /\bjest(\.js)?\b|jest-worker/.test(match[2]) && !this.own.has(Number(match[1]));
    });
    this.samples++;
    if (foreign) this.busy++;
  }
}

export const describeSection = ({ busy, samples }: { busy: number; samples: number }) =>
  busy === 0
    ? `no other Jest run seen (${samples} samples)`
    : `another Jest run was running during ${busy} of ${samples} one-second samples`;
