import { summariseLatencies } from './latency-stats';
import type { PublishCostPair } from './platform-figures';

/** What a measured write transaction has besides its INSERT. */
export type WriteExtra = 'none' | 'statement' | 'publish';

const BLOCKS = 10;
const WARM_UP = 50;

/**
 * The same write transaction alone, with one more statement (`SELECT 1`:
 * what any extra round trip costs) and with one publish, `ops` of each in
 * rotating blocks after a warm-up, one at a time.
 */
export async function compareWriteCosts(write: (extra: WriteExtra) => Promise<void>, ops: number): Promise<PublishCostPair> {
  const extras: WriteExtra[] = ['none', 'statement', 'publish'];
  const times: Record<WriteExtra, number[]> = { none: [], statement: [], publish: [] };
  const once = async (extra: WriteExtra) => {
    const started = performance.now();
    await write(extra);
    return performance.now() - started;
  };
  for (let i = 0; i < WARM_UP; i++) for (const extra of extras) await once(extra);
  const perBlock = Math.ceil(ops / BLOCKS);
  for (let block = 0; block < BLOCKS * extras.length; block++) {
    const extra = extras[block % extras.length];
    for (let i = 0; i < perBlock; i++) times[extra].push(await once(extra));
  }
  const summary = (values: number[]) => {
    const { p50Ms, p99Ms } = summariseLatencies(values, values.length);
    return { p50Ms: p50Ms!, p99Ms: p99Ms! };
  };
  return { without: summary(times.none), withStatement: summary(times.statement), with: summary(times.publish) };
}
