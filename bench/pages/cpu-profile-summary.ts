import { markdownTable } from '../test-setup/table';

/** The parts of V8's `.cpuprofile` (what `node --cpu-prof` writes) that the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  /** Microseconds, on the profile's own clock. */
  startTime: number;
  endTime: number;
  /** The node on top of the stack at each sample. */
  samples: number[];
  /** Microseconds from the previous sample (the first: from startTime). */
  timeDeltas: number[];
}

/** Where a function is, for the summary: a file (project-relative) and a 1-based line. */
export interface FunctionLocation {
  file: string;
  line: number;
}

export interface SummaryOptions {
  /** Samples taken this long after the profile started are left out: the start-up, before the measured traffic. */
  skipFirstMs?: number;
  /** Maps a bundle's position to its source (a source map); default: the profile's own URL, `file://` stripped. */
  locate?: (url: string, line: number, column: number) => FunctionLocation;
}

export interface FunctionSelfTime {
  functionName: string;
  location: string;
  selfMs: number;
  /** Of the busy time: every sample but `(idle)`. */
  share: number;
}

export interface CpuProfileSummary {
  /** Time covered by the samples counted. */
  sampledMs: number;
  /** The same without `(idle)`: what the process spent working. */
  busyMs: number;
  functions: FunctionSelfTime[];
}

const defaultLocate = (url: string, line: number): FunctionLocation => ({ file: url.replace(/^file:\/\//, ''), line: line + 1 });

/**
 * Self time per function: each sample's interval (to the next sample)
 * charged to the function on top of the stack, grouped by function name and
 * file, largest first. V8's pseudo-functions (`(garbage collector)`,
 * `(program)`, `(idle)`) are kept: they are where time goes too.
 */
export function summariseCpuProfile(profile: CpuProfile, options: SummaryOptions = {}): CpuProfileSummary {
  const locate = options.locate ?? defaultLocate;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const from = profile.startTime + (options.skipFirstMs ?? 0) * 1000;
  const groups = new Map<string, { functionName: string; location: string; selfUs: number }>();
  const located = new Map<number, { key: string; functionName: string; location: string }>();
  let time = profile.startTime;
  let sampledUs = 0;
  let idleUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i];
    const next = i + 1 < profile.samples.length ? time + profile.timeDeltas[i + 1] : profile.endTime;
    const interval = Math.max(0, next - time);
    if (time < from) continue;
    const id = profile.samples[i];
    let place = located.get(id);
    if (!place) {
      const frame = nodes.get(id);
      const functionName = frame?.functionName || '(anonymous)';
      const where = frame?.url ? locate(frame.url, frame.lineNumber, frame.columnNumber) : null;
      place = { key: `${functionName}\0${where?.file ?? ''}`, functionName, location: where ? `${where.file}:${where.line}` : '' };
      located.set(id, place);
    }
    const group = groups.get(place.key) ?? { functionName: place.functionName, location: place.location, selfUs: 0 };
    group.selfUs += interval;
    groups.set(place.key, group);
    sampledUs += interval;
    if (place.functionName === '(idle)') idleUs += interval;
  }
  const busyUs = sampledUs - idleUs;
  return {
    sampledMs: sampledUs / 1000,
    busyMs: busyUs / 1000,
    functions: [...groups.values()]
      .sort((a, b) => b.selfUs - a.selfUs)
      .map(({ functionName, location, selfUs }) => ({
        functionName,
        location,
        selfMs: selfUs / 1000,
        share: functionName === '(idle)' || busyUs === 0 ? 0 : selfUs / busyUs,
      })),
  };
}

/** The top `count` functions by self time, as a markdown table. */
export function cpuProfileTable(summary: CpuProfileSummary, count = 25): string {
  return markdownTable(
    ['#', 'self ms', '% of busy', 'function', 'where'],
    summary.functions
      .slice(0, count)
      .map((row, i) => [
        String(i + 1),
        row.selfMs.toFixed(0),
        row.functionName === '(idle)' ? '' : `${(row.share * 100).toFixed(1)} %`,
        row.functionName,
        row.location,
      ]),
  );
}
