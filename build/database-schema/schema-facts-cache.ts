// Parsed facts by content hash, in memory (watch mode) and on disk (one JSON
// file under node_modules/.cache), so a build whose component schemas did not
// change parses nothing and never loads the parser.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { JsonCacheFile } from '../../src/platform/cache-files/json-cache-file';
import { ReadFacts, readSchemaFacts } from './schema-facts';

/** Bump when SchemaFacts changes shape: older files are then ignored. */
const FORMAT = 'schema-facts-2';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export class SchemaFactsCache {
  private entries: Map<string, ReadFacts> | undefined;
  private used = new Set<string>();
  private changed = false;

  private readonly stored: JsonCacheFile<Record<string, ReadFacts>> | undefined;

  constructor(file: string | undefined) {
    // Entries are checked for being objects; their fields were written by this FORMAT.
    this.stored = file
      ? new JsonCacheFile(
          file,
          FORMAT,
          (value): value is Record<string, ReadFacts> => isObject(value) && Object.values(value).every(isObject),
        )
      : undefined;
  }

  static forProject(projectRoot: string): SchemaFactsCache {
    return new SchemaFactsCache(join(projectRoot, 'node_modules', '.cache', 'component-platform', 'schema-facts.json'));
  }

  read(content: string): ReadFacts {
    const entries = this.load();
    const key = createHash('sha256').update(content).digest('hex');
    this.used.add(key);
    let facts = entries.get(key);
    if (!facts) {
      facts = readSchemaFacts(content);
      entries.set(key, facts);
      this.changed = true;
    }
    return facts;
  }

  /** Writes the entries read since the last save (older ones are dropped, so the file does not grow). */
  save(): void {
    if (!this.stored || !this.entries) return;
    const stale = [...this.entries.keys()].some((key) => !this.used.has(key));
    if (this.changed || stale) {
      const kept = [...this.entries].filter(([key]) => this.used.has(key));
      this.entries = new Map(kept);
      this.stored.write(Object.fromEntries(kept));
    }
    this.used = new Set();
    this.changed = false;
  }

  private load(): Map<string, ReadFacts> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    // A damaged cache is only slower: everything is parsed again.
    const stored = this.stored?.read();
    if (stored) this.entries = new Map(Object.entries(stored));
    return this.entries;
  }
}
