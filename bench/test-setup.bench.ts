/**
 * `npm run bench:test-setup [-- --quick]`: how long the test global setup
 * takes to give N workers their schemas, cold and warm, on the project's
 * schema and on a synthetic 30-table one, next to the pg_dump | sed | psql
 * recipe; then (not with --quick) the whole suite's wall time with 1 worker
 * and with more. Uses its own cluster under .data/bench and stops it at the
 * end. Writes its section of docs/performance.md (bench/test-setup/test-setup-bench.ts).
 */
import { parseTestSetupArgs, TestSetupCommand } from './test-setup/test-setup-args';
import { runTestSetupBench } from './test-setup/test-setup-bench';

let command: TestSetupCommand;
try {
  command = parseTestSetupArgs(process.argv.slice(2));
} catch (error) {
  console.error(`npm run bench:test-setup: ${(error as Error).message}`);
  process.exit(2);
}
// Exiting runs the bench's exit hooks, which stop its cluster and kill the process groups it started.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
setTimeout(() => {
  console.error(`bench:test-setup: still running after ${command.timeoutMs / 60_000} min; stopping its cluster and giving up`);
  process.exit(1);
}, command.timeoutMs).unref();

runTestSetupBench(command.options).then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench:test-setup failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
