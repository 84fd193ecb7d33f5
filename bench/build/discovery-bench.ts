// Discovery + schema collection + checks on synthetic trees, cold (no cache in
// node_modules/.cache: the first build) and warm (every later build), each
// run in a new process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticComponents } from './synthetic-components';
import { runChild } from '../test-setup/child-process';
import { summarise, type Samples } from '../test-setup/samples';
import type { DiscoveryTiming } from './measure-discovery';

export interface DiscoveryRow {
  components: number;
  cold: { discovery: number; checks: number };
  warm: { discovery: Samples; checks: Samples; total: Samples };
}

async function measureOnce(root: string): Promise<DiscoveryTiming> {
  const result = await runChild(process.execPath, ['--import', 'tsx', join(__dirname, 'measure-discovery.ts'), root], {
    timeoutMs: 120_000,
  });
  if (result.code !== 0) throw new Error(`discovery bench child failed (${result.code}): ${result.stderr.slice(-2000)}`);
  const timing = JSON.parse(result.stdout) as DiscoveryTiming;
  if (timing.errors > 0) throw new Error(`the synthetic components in ${root} reported ${timing.errors} errors`);
  return timing;
}

export async function benchDiscovery(counts: readonly number[], warmRounds: number, log: (line: string) => void): Promise<DiscoveryRow[]> {
  const rows: DiscoveryRow[] = [];
  for (const count of counts) {
    const root = mkdtempSync(join(tmpdir(), 'build-bench-discovery-'));
    try {
      writeSyntheticComponents(join(root, 'src', 'components'), count);
      const cold = await measureOnce(root);
      const warm: DiscoveryTiming[] = [];
      for (let round = 0; round < warmRounds; round++) warm.push(await measureOnce(root));
      if (warm.some((t) => t.metaEvaluated > 0))
        throw new Error(`a warm run at ${count} components evaluated meta files: the cache missed`);
      const row: DiscoveryRow = {
        components: count,
        cold: { discovery: cold.discoveryMs, checks: cold.checksMs },
        warm: {
          discovery: summarise(warm.map((t) => t.discoveryMs)),
          checks: summarise(warm.map((t) => t.checksMs)),
          total: summarise(warm.map((t) => t.discoveryMs + t.checksMs)),
        },
      };
      log(`${count} components: cold ${Math.round(cold.discoveryMs + cold.checksMs)} ms, warm ${Math.round(row.warm.total.median)} ms`);
      rows.push(row);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  return rows;
}
