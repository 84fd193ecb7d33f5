// Parsed facts by content hash, in memory (watch mode) and on disk (one JSON
// file under node_modules/.cache), so a build whose component schemas did not
// change parses nothing and never loads the parser.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeIfChanged } from '../output/write-if-changed';
import { ReadFacts, readSchemaFacts } from './schema-facts';

/** Bump when SchemaFacts changes shape: older entries are then ignored. */
const FORMAT = 1;

export class SchemaFactsCache {
  private entries: Map<string, ReadFacts> | undefined;
  private used = new Set<string>();
  private changed = false;

  constructor(private readonly file: string | undefined) {}

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
    if (!this.file || !this.entries) return;
    const stale = [...this.entries.keys()].some((key) => !this.used.has(key));
    if (this.changed || stale) {
      const kept = [...this.entries].filter(([key]) => this.used.has(key));
      this.entries = new Map(kept);
      writeIfChanged(this.file, JSON.stringify({ format: FORMAT, entries: Object.fromEntries(kept) }));
    }
    this.used = new Set();
    this.changed = false;
  }

  private load(): Map<string, ReadFacts> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    if (this.file && existsSync(this.file)) {
      try {
        const stored = JSON.parse(readFileSync(this.file, 'utf8')) as { format?: number; entries?: Record<string, ReadFacts> };
        if (stored.format === FORMAT && stored.entries) this.entries = new Map(Object.entries(stored.entries));
      } catch {
        // A damaged cache is only slower: everything is parsed again.
      }
    }
    return this.entries;
  }
}
