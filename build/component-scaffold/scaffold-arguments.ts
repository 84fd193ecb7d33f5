// Pure: the command line of `npm run component:new -- <id> [--no-schema] [--depends-on <id>]...`.

export interface ScaffoldRequest {
  id: string;
  /** false with --no-schema: no prisma/ folder, a page without data. */
  schema: boolean;
  /** Ids given with --depends-on, in order, without repeats. */
  dependsOn: string[];
}

export type ParsedArguments = { help: true } | { help?: false; request: ScaffoldRequest } | { help?: false; error: string };

export const USAGE = `usage: npm run component:new -- <id> [--no-schema] [--depends-on <id>]...

  <id>                  the folder name under src/components/, e.g. library or reading-list
  --no-schema           a component without data: no prisma/ folder, a page and its tests
  --depends-on <id>     an existing component this one builds on (repeat it, or give a comma list)

See docs/guides/components.md.`;

const OPTIONS = 'the options are --no-schema and --depends-on <id> (npm run component:new -- --help)';

export function parseScaffoldArguments(args: readonly string[]): ParsedArguments {
  const ids: string[] = [];
  const dependsOn: string[] = [];
  let schema = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--no-schema') {
      schema = false;
    } else if (arg === '--depends-on' || arg.startsWith('--depends-on=')) {
      const value = arg === '--depends-on' ? args[++i] : arg.slice('--depends-on='.length);
      if (value === undefined || value === '' || value.startsWith('-')) {
        return { error: 'component:new: --depends-on needs a component id, e.g. --depends-on demo (or --depends-on demo,other)' };
      }
      for (const id of value.split(',').map((part) => part.trim())) {
        if (id === '')
          return { error: `component:new: --depends-on "${value}" has an empty id; write ids separated by commas, e.g. demo,other` };
        if (!dependsOn.includes(id)) dependsOn.push(id);
      }
    } else if (arg.startsWith('-')) {
      return { error: `component:new: unknown option "${arg}"; ${OPTIONS}` };
    } else {
      ids.push(arg);
    }
  }
  if (ids.length === 0) {
    return { error: 'component:new: no component id given; run npm run component:new -- <id>, e.g. npm run component:new -- library' };
  }
  if (ids.length > 1) {
    return { error: `component:new: more than one id given (${ids.map((id) => `"${id}"`).join(', ')}); create one component at a time` };
  }
  return { request: { id: ids[0], schema, dependsOn } };
}
