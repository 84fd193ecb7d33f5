// Runs the project's own Prisma CLI (never a global one) and reports its exit
// code and output unobscured when it fails.
const { spawn } = require('node:child_process');

class PrismaCliError extends Error {
  constructor(args, code, output) {
    super(`\`prisma ${args.join(' ')}\` failed with exit code ${code}:\n${output.trim()}`);
    this.code = code;
    this.output = output;
  }
}

function runPrisma(args, { cwd, env = process.env } = {}) {
  const cli = require.resolve('prisma/build/index.js', { paths: [cwd] });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(output) : reject(new PrismaCliError(args, code, output))));
  });
}

module.exports = { runPrisma, PrismaCliError };
