import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * One JSON value kept in a file between processes: what every build cache
 * (component discovery, schema facts, the build stamp, the schema/migrations
 * verdict) stores. The file is a header line `{"version","checksum"}` and the
 * value's JSON; it is trusted only when the version key is the caller's and
 * the checksum matches the body, and the value passes the caller's shape
 * check. Anything else (missing, damaged, half-written, from older code)
 * reads as absent: a bad cache is slower, never wrong.
 *
 * Written whole to a temporary file beside it and renamed into place, so a
 * reader at the same moment sees the old file or the new one, never half of
 * one, and an interrupted write leaves the old file as it was.
 */
export class JsonCacheFile<T> {
  /**
   * @param version what the stored value depends on (a format number, a hash
   *   of the code that computes it): a file written under another is ignored
   * @param isValid the shape the value must have; default: any JSON value
   */
  constructor(
    readonly file: string,
    private readonly version: string,
    private readonly isValid: (value: unknown) => value is T = (value): value is T => value !== undefined,
  ) {}

  /** The stored value, or undefined when there is none this code can trust. */
  read(): T | undefined {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const newline = text.indexOf('\n');
      if (newline < 0 || !text.endsWith('\n')) return undefined;
      const header = JSON.parse(text.slice(0, newline)) as { version?: unknown; checksum?: unknown };
      const body = text.slice(newline + 1, -1);
      if (header.version !== this.version || header.checksum !== checksum(body)) return undefined;
      const value = JSON.parse(body) as unknown;
      return this.isValid(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Stores `value` (atomically, see above). Returns false when the file cannot
   * be written (read-only checkout, full disk): the cache is then just cold.
   */
  write(value: T): boolean {
    const body = JSON.stringify(value);
    const temporary = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(temporary, `${JSON.stringify({ version: this.version, checksum: checksum(body) })}\n${body}\n`);
      renameSync(temporary, this.file);
      return true;
    } catch {
      rmSync(temporary, { force: true });
      return false;
    }
  }

  remove(): void {
    rmSync(this.file, { force: true });
  }
}

function checksum(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}
