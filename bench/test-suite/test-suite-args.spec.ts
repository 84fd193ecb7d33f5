import { parseTestSuiteArgs } from './test-suite-args';

describe('parseTestSuiteArgs', () => {
  it('runs every file with 2 workers and lists the 15 slowest without arguments', () => {
    expect(parseTestSuiteArgs([])).toEqual({ workers: 2, top: 15, paths: [] });
  });

  it('takes a worker count, a list length and test paths in any order', () => {
    expect(parseTestSuiteArgs(['build/component-scaffold', '--workers', '1', '--top', '5', 'src/components/demo'])).toEqual({
      workers: 1,
      top: 5,
      paths: ['build/component-scaffold', 'src/components/demo'],
    });
  });

  it('summarises a finished run with --from, which takes no test paths', () => {
    expect(parseTestSuiteArgs(['--from', '/tmp/run.json'])).toEqual({ workers: 2, top: 15, from: '/tmp/run.json', paths: [] });
    expect(() => parseTestSuiteArgs(['--from', '/tmp/run.json', 'src'])).toThrow(
      /^--from summarises a finished run, so it takes no test paths; usage: /,
    );
  });

  it.each([
    [['--workers', '0'], /^--workers needs a whole number of at least 1, not "0"; usage: /],
    [['--top'], /^--top needs a whole number of at least 1, not undefined; usage: /],
    [['--from'], /^--from needs the path of a jest --json output file; usage: /],
    [['--quick'], /^unknown option "--quick"; usage: npm run bench:test-suite -- /],
  ])('refuses %j, saying what it expects', (args, message) => {
    expect(() => parseTestSuiteArgs(args)).toThrow(message);
  });
});
