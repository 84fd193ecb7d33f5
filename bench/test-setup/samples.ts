/** Repeated measurements of one thing, in milliseconds. */
export interface Samples {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarise(values: number[]): Samples {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** Runs `measure` (which returns the milliseconds it wants counted) `times` times, one after the other. */
export async function repeat(times: number, measure: () => Promise<number>): Promise<Samples> {
  const values: number[] = [];
  for (let i = 0; i < times; i++) values.push(await measure());
  return summarise(values);
}

export const formatMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

/** `median (min–max)`, the cell every timing table uses. */
export const formatSamples = (s: Samples) =>
  s.runs === 1 ? formatMs(s.median) : `${formatMs(s.median)} (${formatMs(s.min)}–${formatMs(s.max)})`;
