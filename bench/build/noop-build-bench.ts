// A no-op `npm run build` (nothing changed since the last build) against
// webpack's own start: webpack-cli through tsx, as `npm run build` used to
// run it, on an empty entry without plugins (empty.webpack.config.ts). Both
// through npm, so both pay its start. Also the same no-op forced through
// webpack (`-- --force`): what the build costs when the stamp cannot help.
import { join } from 'node:path';
import { runChild } from '../test-setup/child-process';
import { summarise, type Samples } from '../test-setup/samples';

export interface NoopBuildResult {
  noop: Samples;
  webpackStart: Samples;
  forced: Samples;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

async function timed(projectRoot: string, args: string[], timeoutMs = 600_000): Promise<number> {
  const result = await runChild(npm, args, { cwd: projectRoot, timeoutMs });
  if (result.code !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.code}):\n${(result.stdout + result.stderr).slice(-2000)}`);
  return result.ms;
}

export async function benchNoopBuild(projectRoot: string, rounds: number, log: (line: string) => void): Promise<NoopBuildResult> {
  log('building once, so the next builds have nothing to do …');
  await timed(projectRoot, ['run', 'build', '--silent']);
  const noop: number[] = [];
  const webpackStart: number[] = [];
  const emptyConfig = join(__dirname, 'empty.webpack.config.ts');
  for (let round = 0; round < rounds; round++) {
    noop.push(await timed(projectRoot, ['run', 'build', '--silent']));
    webpackStart.push(
      await timed(projectRoot, ['exec', '--no', '--', 'tsx', 'node_modules/webpack-cli/bin/cli.js', '--config', emptyConfig]),
    );
  }
  const forced = [await timed(projectRoot, ['run', 'build', '--silent', '--', '--force'])];
  const result = { noop: summarise(noop), webpackStart: summarise(webpackStart), forced: summarise(forced) };
  log(
    `no-op build ${Math.round(result.noop.median)} ms, webpack's own start ${Math.round(result.webpackStart.median)} ms, forced ${Math.round(forced[0])} ms`,
  );
  return result;
}
