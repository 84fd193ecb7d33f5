// Formats the staged files with Prettier and the project's own settings, so
// they pass `prettier --check` whatever the length of the id. Prettier runs as
// its CLI in a child process: its API loads plugins with import(), which
// Jest's module sandbox cannot run.
import { join } from 'node:path';
import { runCommand } from '../../src/database/process/run-command';

export async function formatFolder(folder: string): Promise<void> {
  const cli = require.resolve('prettier/bin/prettier.cjs');
  // The staging folder sits under .data/, which .prettierignore lists: an ignore file that does not exist applies none.
  const noIgnoreFile = join(folder, '.no-prettierignore');
  const { code, output } = await runCommand(process.execPath, [
    cli,
    '--write',
    '--log-level',
    'warn',
    '--ignore-path',
    noIgnoreFile,
    folder,
  ]);
  if (code !== 0) throw new Error(`prettier exited with ${code}: ${output.trim()}`);
}
