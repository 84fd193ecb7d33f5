// `npm run component:new -- <id> [--no-schema] [--depends-on <id>]...`:
// creates src/components/<id>/, a complete working component in the house
// style (docs/guides/components.md). Checks everything before writing
// anything; a refusal is one line per problem and exit code 1.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { nextNavOrder, scaffoldRefusals } from './component-id-rules';
import { componentNames } from './component-names';
import { readExistingComponents } from './existing-components';
import { formatFolder } from './format-files';
import { FILE_ROLES, renderComponent } from './render-component';
import { parseScaffoldArguments, USAGE } from './scaffold-arguments';
import { writeComponent } from './write-component';

export interface ScaffoldOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** @returns the exit code */
export async function componentNew(args: readonly string[], projectRoot: string, { out, err }: ScaffoldOutput): Promise<number> {
  const parsed = parseScaffoldArguments(args);
  if (parsed.help) {
    out(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    err(parsed.error);
    return 1;
  }
  const componentsDir = join(projectRoot, 'src', 'components');
  if (!existsSync(componentsDir)) {
    err(
      `component:new: there is no src/components in ${projectRoot}; run the command in the project's root folder (where package.json is)`,
    );
    return 1;
  }
  const { request } = parsed;
  const existing = readExistingComponents(projectRoot, componentsDir);
  const refusals = scaffoldRefusals(request, existing);
  if (refusals.length > 0) {
    refusals.forEach((line) => err(line));
    return 1;
  }

  const names = componentNames(request.id, { schema: request.schema });
  const target = join(componentsDir, request.id);
  const shown = relative(projectRoot, target);
  const navOrder = nextNavOrder(existing);
  const files = renderComponent(names, { schema: request.schema, navOrder, dependsOn: request.dependsOn });
  try {
    await writeComponent(projectRoot, target, files, formatFolder);
  } catch (error) {
    err(
      `component:new: could not write ${shown} (${(error as Error).message}); nothing was created, fix the cause and run the command again`,
    );
    return 1;
  }

  const model = request.schema ? `, model ${names.model}` : '';
  out(`created ${shown}/: "${names.title}" at ${names.path}${model}, navigation order ${navOrder}`);
  columns([...files.keys()].map((path) => [path, FILE_ROLES[path] ?? roleOf(path)])).forEach((line) => out(line));
  out('next:');
  const steps: [command: string, what: string][] = [];
  if (request.schema) steps.push([`npx prisma migrate dev --name ${names.migrationName}`, `creates the ${names.model} table`]);
  steps.push(['npm run dev', `then open http://127.0.0.1:3000${names.path}`], [`npm test -- ${shown}`, 'runs its tests']);
  columns(steps).forEach((line) => out(line));
  return 0;
}

/** Indented rows whose second column starts at the same place, two spaces after the longest first one. */
function columns(rows: readonly [string, string][]): string[] {
  const width = Math.max(...rows.map(([first]) => first.length));
  return rows.map(([first, second]) => `  ${first.padEnd(width)}  ${second}`.trimEnd());
}

function roleOf(path: string): string {
  if (path.startsWith('ui/') && path.endsWith('.spec.tsx')) return 'unit test of the page';
  if (path.startsWith('ui/')) return 'the page (pure, built from src/ssr/kit)';
  if (path.startsWith('test/')) return 'the routes over HTTP';
  return '';
}

if (require.main === module) {
  void componentNew(process.argv.slice(2), process.cwd(), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  }).then((code) => {
    process.exitCode = code;
  });
}
