import { applyHunks, readTutorialSteps } from './tutorial-steps';

const page = (...blocks: string[]) => ['# A tutorial', '', ...blocks.flatMap((block) => [block, '', 'Some prose.', ''])].join('\n');

describe('readTutorialSteps', () => {
  it('reads commands, the server command and edits, in the order of the page, with their lines', () => {
    const steps = readTutorialSteps(
      page(
        '```bash tutorial\nnpm run component:new -- notes\n\n# a comment\nnpm test\n```',
        '```diff tutorial src/a.ts\n one\n-two\n+deux\n@@\n+four\n five\n```',
        '```bash tutorial-server\nnpm start\n```',
        '```ts\nconst notRun = true;\n```',
      ),
      'tutorial.md',
    );

    expect(steps).toEqual([
      { kind: 'commands', line: 3, commands: ['npm run component:new -- notes', 'npm test'] },
      {
        kind: 'edit',
        line: 12,
        path: 'src/a.ts',
        hunks: [
          { before: 'one\ntwo', after: 'one\ndeux' },
          { before: 'five', after: 'four\nfive' },
        ],
      },
      { kind: 'server', line: 23, command: 'npm start' },
    ]);
  });

  it.each(['```bash\nnpm start\n```', '```sh tutorial\nls\n```', '```diff\n-a\n+b\n```'])(
    'refuses a command block it would not run: %j',
    (block) => {
      expect(() => readTutorialSteps(page(block), 'tutorial.md')).toThrow(
        /^tutorial\.md:3: a ```\w+ block that the test does not run; mark it/,
      );
    },
  );

  it('refuses a diff line without a sign', () => {
    expect(() => readTutorialSteps(page('```diff tutorial src/a.ts\n one\nnope\n```'), 't.md')).toThrow(
      't.md:3: diff line "nope" starts with neither',
    );
  });
});

describe('applyHunks', () => {
  it('replaces each hunk’s old lines with its new ones', () => {
    expect(
      applyHunks(
        'a\nb\nc\nd\n',
        [
          { before: 'b', after: 'b\nb2' },
          { before: 'd', after: 'D' },
        ],
        'x',
      ),
    ).toBe('a\nb\nb2\nc\nD\n');
  });

  it('fails, naming the hunk, when its old lines are missing or ambiguous', () => {
    expect(() => applyHunks('a\nb\n', [{ before: 'z', after: 'y' }], 'tutorial.md:12 src/a.ts')).toThrow(
      /^tutorial\.md:12 src\/a\.ts, hunk 1: its old lines occur 0 times in the file/,
    );
    expect(() => applyHunks('a\na\n', [{ before: 'a', after: 'y' }], 'w')).toThrow(/hunk 1: its old lines occur 2 times/);
  });
});
