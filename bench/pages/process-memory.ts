import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

/** `VmRSS:   123456 kB` from /proc/<pid>/status, in KiB; null when the line is missing (a process that has exited). */
export function parseVmRssKiB(status: string): number | null {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) : null;
}

/** The resident set of `pid` in KiB, or null if it has gone: /proc on Linux, `ps` elsewhere (macOS). */
async function residentKiB(pid: number): Promise<number | null> {
  try {
    return parseVmRssKiB(await readFile(`/proc/${pid}/status`, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || process.platform === 'linux') return null;
    const { stdout } = await promisify(execFile)('ps', ['-o', 'rss=', '-p', String(pid)]).catch(() => ({ stdout: '' }));
    return /^\s*\d+\s*$/.test(stdout) ? Number(stdout) : null;
  }
}

/** Samples a process's resident memory every `intervalMs` until stopped; keeps the peak. */
export class PeakRssSampler {
  private peakKiB = 0;
  private readonly timer: NodeJS.Timeout;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly pid: number,
    intervalMs = 100,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  /** The peak in MiB over the sampling, including one last sample now. */
  async stop(): Promise<number> {
    clearInterval(this.timer);
    this.sample();
    await this.pending;
    return this.peakKiB / 1024;
  }

  private sample(): void {
    // One read at a time: a slow read (a loaded machine) must not pile up behind the timer.
    this.pending = this.pending.then(async () => {
      const kib = await residentKiB(this.pid);
      if (kib !== null) this.peakKiB = Math.max(this.peakKiB, kib);
    });
  }
}
