import { spawn, SpawnOptions } from 'node:child_process';

export interface CommandResult {
  code: number | null;
  stdout: string;
  /** stdout and stderr in the order they arrived, for error messages. */
  output: string;
}

/** Runs a program to completion, collecting what it prints; rejects only if it cannot start. */
export function runCommand(command: string, args: string[], options: SpawnOptions = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    // Decoded once at the end, so a character split across two chunks stays whole.
    const stdout: Buffer[] = [];
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      output.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.once('error', reject);
    child.once('close', (code) =>
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), output: Buffer.concat(output).toString('utf8') }),
    );
  });
}
