import { APP_CLUSTER_ROOT } from '../embedded/app-cluster-root';
import { startEmbeddedCluster } from '../embedded/embedded-cluster';

let embeddedOwnerUrl: Promise<string> | undefined;

/** The signals whose default action ends the process, with the exit code that default gives (128 + number). */
const STOP_SIGNALS: readonly [NodeJS.Signals, number][] = [
  ['SIGTERM', 143],
  ['SIGHUP', 129],
];

/**
 * The connection string the Prisma CLI migrates with: the configured one
 * (`MIGRATION_DATABASE_URL`, the owner role, else `DATABASE_URL`), else the
 * embedded cluster's owner, started for the duration of the command if it is
 * not running.
 *
 * The CLI calls the config's `adapter` factory more than once per command (to
 * print its "Datasource" line, then again to start the schema engine), so the
 * embedded cluster is started once per process and every call shares it.
 */
export function migrationDatabaseUrl(configured: string | undefined): Promise<string> {
  if (configured) return Promise.resolve(configured);
  embeddedOwnerUrl ??= startEmbeddedForThisCommand();
  return embeddedOwnerUrl;
}

async function startEmbeddedForThisCommand(): Promise<string> {
  const say = (line: string) => process.stderr.write(`embedded PostgreSQL: ${line}\n`);
  // Set when the cluster explains itself ("initialising …", "adopting …",
  // "using … already running"); a plain start says nothing.
  let explained = false;
  const cluster = await startEmbeddedCluster({
    root: APP_CLUSTER_ROOT,
    durability: 'durable',
    log: (line) => {
      explained = true;
      say(line);
    },
  });
  if (cluster.startedHere) {
    say(
      explained
        ? 'it stops when this command ends'
        : `started on 127.0.0.1:${cluster.state.port} for this command; it stops when the command ends`,
    );
    // The CLI exits with process.exit(); only synchronous work runs then.
    process.on('exit', () => cluster.stopSync());
    // Killed rather than interrupted (an IDE's stop button, a test runner, a
    // closed terminal), Node would end without 'exit' and leave the server
    // running, which matters most for `prisma studio`, which runs until
    // stopped. Exit as the default action would, so the line above runs.
    // (Ctrl-C already ends the CLI through process.exit().)
    for (const [signal, code] of STOP_SIGNALS) process.once(signal, () => process.exit(code));
  }
  return cluster.ownerUrl;
}
