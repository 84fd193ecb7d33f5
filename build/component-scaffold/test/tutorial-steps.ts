// The steps of docs/guides/tutorial.md, read from its fenced blocks, so the
// page and what the test runs cannot drift apart:
//   ```bash tutorial            commands, one per line, each must exit 0
//   ```bash tutorial-server     one command that starts the app
//   ```diff tutorial <path>     an edit: hunks separated by lines starting with @@;
//                               ' ' context, '-' removed, '+' added. The old
//                               lines must occur exactly once in the file.
// Any other bash, sh or diff block is an error: a command on the page must be run.

export type TutorialStep =
  | { kind: 'commands'; line: number; commands: string[] }
  | { kind: 'server'; line: number; command: string }
  | { kind: 'edit'; line: number; path: string; hunks: Hunk[] };

export interface Hunk {
  before: string;
  after: string;
}

const FENCE = /^```(\S*)[ \t]*(.*)\n([\s\S]*?)^```[ \t]*$/gm;

export function readTutorialSteps(markdown: string, shownPath: string): TutorialStep[] {
  const steps: TutorialStep[] = [];
  for (const match of markdown.matchAll(FENCE)) {
    const [, lang, info, body] = match;
    const line = markdown.slice(0, match.index).split('\n').length;
    const at = `${shownPath}:${line}`;
    const [marker, ...rest] = info.trim().split(/\s+/);
    if (lang === 'bash' && marker === 'tutorial' && rest.length === 0) {
      const commands = body.split('\n').filter((text) => text.trim() !== '' && !text.trim().startsWith('#'));
      steps.push({ kind: 'commands', line, commands });
    } else if (lang === 'bash' && marker === 'tutorial-server' && rest.length === 0) {
      const commands = body.split('\n').filter((text) => text.trim() !== '');
      if (commands.length !== 1) throw new Error(`${at}: a tutorial-server block holds exactly one command`);
      steps.push({ kind: 'server', line, command: commands[0] });
    } else if (lang === 'diff' && marker === 'tutorial' && rest.length === 1) {
      steps.push({ kind: 'edit', line, path: rest[0], hunks: readHunks(body, at) });
    } else if (['bash', 'sh', 'shell', 'console', 'diff'].includes(lang)) {
      throw new Error(
        `${at}: a \`\`\`${lang} block that the test does not run; mark it \`\`\`bash tutorial, \`\`\`bash tutorial-server or \`\`\`diff tutorial <path>`,
      );
    }
  }
  return steps;
}

function readHunks(body: string, at: string): Hunk[] {
  const hunks: Hunk[] = [];
  let before: string[] = [];
  let after: string[] = [];
  const close = () => {
    if (before.length + after.length > 0) hunks.push({ before: before.join('\n'), after: after.join('\n') });
    before = [];
    after = [];
  };
  for (const text of body.replace(/\n$/, '').split('\n')) {
    if (text.startsWith('@@')) {
      close();
      continue;
    }
    const sign = text.charAt(0);
    const content = text.slice(1);
    // An empty line is an empty context line whose leading space an editor trimmed.
    if (sign === ' ' || text === '') {
      before.push(content);
      after.push(content);
    } else if (sign === '-') before.push(content);
    else if (sign === '+') after.push(content);
    else throw new Error(`${at}: diff line ${JSON.stringify(text)} starts with neither ' ', '-', '+' nor '@@'`);
  }
  close();
  return hunks;
}

/** The file after the edit; throws naming the hunk when its old lines are not in the file exactly once. */
export function applyHunks(content: string, hunks: readonly Hunk[], where: string): string {
  return hunks.reduce((text, hunk, i) => {
    const found = text.split(hunk.before).length - 1;
    if (found !== 1) {
      throw new Error(
        `${where}, hunk ${i + 1}: its old lines occur ${found} times in the file (expected once); update the tutorial to the file as the scaffold writes it:\n${hunk.before}`,
      );
    }
    return text.replace(hunk.before, () => hunk.after);
  }, content);
}
