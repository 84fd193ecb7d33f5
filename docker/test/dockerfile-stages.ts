import { readFileSync } from 'node:fs';

/** One instruction of a Dockerfile, continuation lines joined. */
export interface DockerInstruction {
  keyword: string;
  /** Everything after the keyword, as written. */
  args: string;
  line: number;
}

export interface DockerStage {
  /** The `AS` name, or the image when the stage has none. */
  name: string;
  image: string;
  instructions: DockerInstruction[];
}

/**
 * The stages of a Dockerfile, enough of the syntax for the checks of
 * dockerfile.spec.ts: comments, `\` continuations, `FROM image AS name`.
 * Instructions before the first FROM (ARG) are left out.
 */
export function readDockerfileStages(path: string): DockerStage[] {
  const stages: DockerStage[] = [];
  let pending = '';
  let startLine = 0;
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.trim();
      if (pending === '' && (line === '' || line.startsWith('#'))) return;
      if (pending === '') startLine = index + 1;
      if (line.endsWith('\\')) {
        pending += `${line.slice(0, -1)} `;
        return;
      }
      const text = pending + line;
      pending = '';
      const [keyword, ...rest] = text.split(/\s+/);
      const instruction = { keyword: keyword.toUpperCase(), args: rest.join(' '), line: startLine };
      if (instruction.keyword === 'FROM') {
        const [image, as, name] = rest;
        stages.push({ name: as?.toUpperCase() === 'AS' ? name : image, image, instructions: [] });
      } else {
        stages.at(-1)?.instructions.push(instruction);
      }
    });
  return stages;
}

/** The arguments of an exec-form instruction (`CMD ["node", …]`), or undefined for the shell form. */
export function execForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  const parsed: unknown = JSON.parse(args);
  return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : undefined;
}

/** `COPY [--from=stage] src… dest`: the flags' values, the sources and the destination. */
export function copyArguments(args: string): { from?: string; sources: string[]; destination: string } {
  const words = args.split(/\s+/);
  const flags = words.filter((word) => word.startsWith('--'));
  const paths = words.filter((word) => !word.startsWith('--'));
  const from = flags.find((flag) => flag.startsWith('--from='))?.slice('--from='.length);
  return { from, sources: paths.slice(0, -1), destination: paths.at(-1) ?? '' };
}

/** A path the runtime image holds, relative to its WORKDIR, and where in the build stage it came from. */
export interface ImagePath {
  image: string;
  source: string;
}

/**
 * What each `COPY --from=<stage>` of `stage` puts into the image, relative to
 * `workdir` on both sides (the stages share one WORKDIR). A destination
 * ending in `/`, or one receiving several sources, is a folder.
 */
export function copiedPaths(stage: DockerStage, from: string, workdir: string): ImagePath[] {
  const relative = (path: string) =>
    path
      .replace(new RegExp(`^${workdir}/?`), '')
      .replace(/^\.\/?/, '')
      .replace(/\/$/, '');
  return stage.instructions
    .filter((instruction) => instruction.keyword === 'COPY')
    .map((instruction) => copyArguments(instruction.args))
    .filter((copy) => copy.from === from)
    .flatMap(({ sources, destination }) => {
      const intoFolder = destination.endsWith('/') || sources.length > 1;
      return sources.map((source) => {
        const name = source.split('/').at(-1) ?? source;
        const target = relative(destination);
        return { source: relative(source), image: intoFolder ? [target, name].filter(Boolean).join('/') : target };
      });
    });
}
