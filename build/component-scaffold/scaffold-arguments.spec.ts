import { parseScaffoldArguments } from './scaffold-arguments';

describe('parseScaffoldArguments', () => {
  it('takes one id, with a schema and no dependencies by default', () => {
    expect(parseScaffoldArguments(['library'])).toEqual({ request: { id: 'library', schema: true, dependsOn: [] } });
  });

  it('turns the schema off with --no-schema, wherever it stands', () => {
    expect(parseScaffoldArguments(['--no-schema', 'about'])).toEqual({ request: { id: 'about', schema: false, dependsOn: [] } });
  });

  it('collects --depends-on given repeatedly, as a comma list and with =, in order and without repeats', () => {
    const parsed = parseScaffoldArguments(['loans', '--depends-on', 'library', '--depends-on=members, library', '--depends-on', 'demo']);

    expect(parsed).toEqual({ request: { id: 'loans', schema: true, dependsOn: ['library', 'members', 'demo'] } });
  });

  it('answers --help and -h with the usage', () => {
    expect(parseScaffoldArguments(['library', '--help'])).toEqual({ help: true });
    expect(parseScaffoldArguments(['-h'])).toEqual({ help: true });
  });

  it.each([
    [[], 'component:new: no component id given; run npm run component:new -- <id>, e.g. npm run component:new -- library'],
    [['a', 'b'], 'component:new: more than one id given ("a", "b"); create one component at a time'],
    [
      ['library', '--schema=false'],
      'component:new: unknown option "--schema=false"; the options are --no-schema and --depends-on <id> (npm run component:new -- --help)',
    ],
    [['library', '--depends-on'], 'component:new: --depends-on needs a component id, e.g. --depends-on demo (or --depends-on demo,other)'],
    [
      ['library', '--depends-on', '--no-schema'],
      'component:new: --depends-on needs a component id, e.g. --depends-on demo (or --depends-on demo,other)',
    ],
    [
      ['library', '--depends-on', 'demo,,x'],
      'component:new: --depends-on "demo,,x" has an empty id; write ids separated by commas, e.g. demo,other',
    ],
  ])('refuses %j with one line saying how to fix it', (args, message) => {
    expect(parseScaffoldArguments(args)).toEqual({ error: message });
  });
});
