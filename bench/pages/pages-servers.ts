import { join } from 'node:path';
import { AppProcess } from '../load/app-process';
import type { LoadDatabase } from '../load/load-database';
import type { Teardown } from '../load/teardown';
import type { ReferenceScripts } from './reference-build';
import { isApp, type ServerName } from './pages-report';

/** One server under test, started and ready. */
export interface BenchServer {
  name: ServerName;
  process: AppProcess;
}

export interface StartServerOptions {
  projectRoot: string;
  database: LoadDatabase;
  scripts: ReferenceScripts;
  csrfSecret: string;
  /** Logs (and profiles) go here. */
  runDir: string;
  teardown: Teardown;
  log: (line: string) => void;
  /** Extra node options for the app, e.g. `--cpu-prof`. */
  appNodeArgs?: string[];
  /** Extra settings for the app, e.g. `METRICS_PORT` for the row with metrics on. */
  appEnv?: Record<string, string>;
  /** Names the instance (and its log file); default the server's name. */
  instance?: string;
}

/**
 * Starts one server as the app runs in production: its own process group,
 * NODE_ENV=production, loopback, the runtime role's URL (DML only), and
 * waits until it answers. The references are plain node on the compiled
 * scripts; the app is `dist/main.js` with `--enable-source-maps`, as `npm start` runs it.
 */
export async function startServer(name: ServerName, options: StartServerOptions): Promise<BenchServer> {
  const instance = options.instance ?? name;
  const common = {
    name: instance,
    projectRoot: options.projectRoot,
    logFile: join(options.runDir, `${instance}.log`),
    databaseUrl: options.database.runtimeUrl,
    csrfSecret: options.csrfSecret,
    log: options.log,
  };
  const process = isApp(name)
    ? await AppProcess.start({ ...common, env: options.appEnv, nodeArgs: ['--enable-source-maps', ...(options.appNodeArgs ?? [])] })
    : await AppProcess.start({
        ...common,
        script: name === 'limit' ? options.scripts.bareLimit : options.scripts.plainPeer,
        nodeArgs: [],
      });
  const forget = options.teardown.add(process);
  try {
    await process.waitUntilReady(60_000, isApp(name) ? '/health' : '/demo/posts');
  } catch (error) {
    forget();
    process.kill();
    throw error;
  }
  return { name, process };
}
