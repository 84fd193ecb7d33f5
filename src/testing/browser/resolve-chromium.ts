import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { ChromiumHost, ChromiumSource, planChromium } from './chromium-executable';
import { extractSparticuzChromium } from './sparticuz-chromium';

/** A Chromium to launch: its path, the flags to pass and which rule found it. */
export interface ResolvedChromium {
  readonly executablePath: string;
  readonly args: readonly string[];
  readonly source: string;
}

// The same flags for every source. --no-sandbox: tests and CI run as root.
// Background networking and component updates would reach for Google's hosts,
// which a closed network refuses over and over. @sparticuz/chromium's own
// `args` are not used: its --single-process kills the browser once the first
// context closes, and --disable-web-security would hide CORS/CSP bugs.
const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-gpu',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Finds a Chromium executable (CHROMIUM_PATH, the system, Playwright's cache,
 * then the @sparticuz/chromium devDependency, extracted on first use).
 * Rejects with a one-line ChromiumNotFoundError when there is none.
 */
export async function resolveChromium(host: ChromiumHost = nodeHost()): Promise<ResolvedChromium> {
  const plan = planChromium(host);
  if (plan.kind === 'executable') return { executablePath: plan.executablePath, args: CHROMIUM_ARGS, source: plan.source };
  const { executablePath, version } = await extractSparticuzChromium(plan.packageEntry);
  const source: ChromiumSource = plan.source;
  return { executablePath, args: CHROMIUM_ARGS, source: `${source}@${version}` };
}

/** This machine, as planChromium sees it. */
export function nodeHost(): ChromiumHost {
  return {
    platform: process.platform,
    arch: process.arch,
    env: process.env,
    homeDir: homedir(),
    exists: isExecutableFile,
    listDir: (path) => {
      try {
        return readdirSync(path);
      } catch {
        return [];
      }
    },
    resolvePackage: (name) => {
      try {
        // Resolving does not run the package; it is only loaded, in a child, if it is used.
        return require.resolve(name);
      } catch {
        return undefined;
      }
    },
  };
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
