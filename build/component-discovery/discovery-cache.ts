// What discovery read from each component.meta.ts and component.module.ts,
// by the SHA-256 of the file's content, in memory (watch mode) and on disk
// (node_modules/.cache/component-platform/component-discovery.json). A build
// whose component files did not change evaluates and parses nothing and never
// loads TypeScript. The file (src/platform/cache-files/json-cache-file.ts) is
// trusted only when its checksum and the version of the code that wrote it
// (format included) match; otherwise it is ignored and everything is read
// again: a damaged cache is slower, never wrong.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonCacheFile } from '../../src/platform/cache-files/json-cache-file';
import type { MetaOutcome } from './read-component-meta';

/** Bump when the stored shape changes. Changes to the reading code are picked up by `codeVersion()` on their own. */
const FORMAT = 1;

/** The files whose code decides what an entry holds. */
const READING_CODE = ['read-component-meta.ts', 'meta-sandbox.ts', 'find-module-class.ts'];

type StoredMeta = { meta: unknown } | { error: { line?: number; text: string } };
type Entry = StoredMeta | { classes: string[] };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isEntry(value: unknown): value is Entry {
  if (!isObject(value)) return false;
  if ('classes' in value) return Array.isArray(value.classes) && value.classes.every((name) => typeof name === 'string');
  if ('error' in value) {
    const error = value.error;
    return isObject(error) && typeof error.text === 'string' && (error.line === undefined || Number.isInteger(error.line));
  }
  return 'meta' in value;
}

/**
 * Whether `value` comes back from JSON exactly as it is: only such metadata is
 * cached, so a cached build sees the very value an evaluating build would.
 * (`undefined`, NaN, getters, functions… would be changed or dropped by JSON;
 * metadata holding them is evaluated on every build.)
 */
function survivesJson(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object') return false;
  const descriptors = Object.getOwnPropertyDescriptors(value);
  if (Object.getOwnPropertySymbols(value).length > 0) return false;
  if (Array.isArray(value)) {
    return value.every((_, i) => i in value) && value.every((item) => survivesJson(item, depth + 1));
  }
  // A plain object of any realm (the sandbox's objects have its own Object.prototype).
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (prototype !== null && Object.getPrototypeOf(prototype) !== null) return false;
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  return Object.values(descriptors).every((d) => 'value' in d && d.enumerable && survivesJson(d.value, depth + 1));
}

let version: string | null | undefined;

/** The reading code's own content, Node's and TypeScript's versions; null when the sources cannot be read (then nothing is stored). */
function codeVersion(): string | null {
  if (version !== undefined) return version;
  try {
    const hash = createHash('sha256').update(`${FORMAT}\0${process.version}\0`);
    hash.update(readFileSync(require.resolve('typescript/package.json')));
    for (const file of READING_CODE) hash.update(readFileSync(join(__dirname, file)));
    version = hash.digest('hex');
  } catch {
    version = null;
  }
  return version;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export class DiscoveryCache {
  private static readonly byFile = new Map<string, DiscoveryCache>();
  private entries: Map<string, Entry> | undefined;
  private used = new Set<string>();
  private changed = false;
  /** Files read since this cache was made: evaluated meta files and parsed module files. */
  readonly misses = { meta: 0, module: 0 };

  /** @param file where entries are kept between processes; undefined: in memory only */
  constructor(private readonly file: string | undefined) {}

  /** One cache per project and process, so watch mode keeps its entries in memory between rebuilds. */
  static forProject(projectRoot: string): DiscoveryCache {
    const file = join(projectRoot, 'node_modules', '.cache', 'component-platform', 'component-discovery.json');
    let cache = DiscoveryCache.byFile.get(file);
    if (!cache) DiscoveryCache.byFile.set(file, (cache = new DiscoveryCache(file)));
    return cache;
  }

  /** The metadata `content` exports, or the problem reading it (its `line` within the file; the caller adds the path). */
  meta(content: string, file: string): MetaOutcome {
    const key = sha256(`meta\0${content}`);
    const cached = this.lookup(key);
    if (cached && !('classes' in cached)) return 'error' in cached ? { error: cached.error, repeatable: true } : { meta: cached.meta };
    this.misses.meta++;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- TypeScript takes 0.2-0.4 s to load; a fully cached build never needs it
    const { evaluateComponentMeta } = require('./read-component-meta') as typeof import('./read-component-meta');
    const outcome = evaluateComponentMeta(content, file);
    if (outcome.error) {
      if (outcome.repeatable) this.store(key, { error: outcome.error });
      return outcome;
    }
    if (!survivesJson(outcome.meta)) return outcome;
    // Stored and returned as the same JSON, so this build and the next cached one see equal values.
    const meta = JSON.parse(JSON.stringify(outcome.meta)) as unknown;
    this.store(key, { meta });
    return { meta };
  }

  /** Names of the exported @Module() classes in a component.module.ts with this content. */
  moduleClasses(content: string, file: string): string[] {
    const key = sha256(`module\0${content}`);
    const cached = this.lookup(key);
    if (cached && 'classes' in cached) return [...cached.classes];
    this.misses.module++;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see meta(): loaded only on a miss
    const { findModuleClasses } = require('./find-module-class') as typeof import('./find-module-class');
    const classes = findModuleClasses(content, file);
    this.store(key, { classes });
    return [...classes];
  }

  /** Writes the entries used since the last save; older ones are dropped, so the file does not grow. */
  save(): void {
    const entries = this.entries;
    const codeHash = codeVersion();
    if (!this.file || !entries || !codeHash) return;
    if (this.changed || [...entries.keys()].some((key) => !this.used.has(key))) {
      this.entries = new Map([...entries].filter(([key]) => this.used.has(key)));
      // Not writable (read-only checkout, full disk): the next build reads the files again.
      storedEntries(this.file, codeHash).write(Object.fromEntries(this.entries));
    }
    this.used = new Set();
    this.changed = false;
  }

  private lookup(key: string): Entry | undefined {
    this.used.add(key);
    return this.load().get(key);
  }

  private store(key: string, entry: Entry): void {
    this.load().set(key, entry);
    this.changed = true;
  }

  private load(): Map<string, Entry> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    const codeHash = codeVersion();
    const stored = this.file && codeHash ? storedEntries(this.file, codeHash).read() : undefined;
    if (stored) this.entries = new Map(Object.entries(stored));
    return this.entries;
  }
}

/** The cache file: trusted only when written by this code (format, reading code, Node and TypeScript versions) and whole. */
function storedEntries(file: string, codeHash: string): JsonCacheFile<Record<string, Entry>> {
  return new JsonCacheFile(
    file,
    codeHash,
    (value): value is Record<string, Entry> => isObject(value) && Object.values(value).every((entry) => isEntry(entry)),
  );
}
