import { posix } from 'node:path';
import { ChromiumNotFoundError } from '../errors/chromium-not-found.error';

/** Which rule found the Chromium executable, for the launch log line and errors. */
export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'playwright-cache' | '@sparticuz/chromium';

/** What the decision needs from the machine; the real one is in resolve-chromium.ts, tests pass fakes. */
export interface ChromiumHost {
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
  /** True when `path` is an existing executable file. */
  exists(path: string): boolean;
  /** Names in a directory; empty when it does not exist. */
  listDir(path: string): readonly string[];
  /** Entry file of an installed package, undefined when it is not installed (it is a devDependency). */
  resolvePackage(name: string): string | undefined;
}

/** One place to look, in the order the rules are tried. */
export interface ChromiumCandidate {
  readonly path: string;
  readonly source: ChromiumSource;
}

/** The outcome of the decision: a ready executable, or the npm package still to be extracted. */
export type ChromiumPlan =
  | { readonly kind: 'executable'; readonly executablePath: string; readonly source: ChromiumSource }
  | { readonly kind: 'npm-package'; readonly packageEntry: string; readonly source: '@sparticuz/chromium' };

export const SPARTICUZ_PACKAGE = '@sparticuz/chromium';

const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const MAC_APPS = ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];

// Inside each ms-playwright/<browser>-<revision> folder. Playwright 1.56 uses
// chrome-linux/; later revisions (Chrome for Testing builds) use the *-linux64 folders.
const CACHE_LAYOUTS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  linux: {
    chromium: ['chrome-linux/chrome', 'chrome-linux64/chrome'],
    chromium_headless_shell: ['chrome-linux/headless_shell', 'chrome-headless-shell-linux64/chrome-headless-shell'],
  },
  darwin: {
    chromium: ['chrome-mac/Chromium.app/Contents/MacOS/Chromium'],
    chromium_headless_shell: ['chrome-mac/headless_shell'],
  },
};

/**
 * Every system and Playwright-cache location to try, best first. CHROMIUM_PATH
 * and the npm package are not in it: the one overrides the list, the other is
 * the last resort (see planChromium).
 */
export function chromiumCandidates(host: ChromiumHost): ChromiumCandidate[] {
  return [
    ...systemPaths(host).map((path) => ({ path, source: 'system' as const })),
    ...playwrightCachePaths(host).map((path) => ({ path, source: 'playwright-cache' as const })),
  ];
}

/**
 * Decides which Chromium to use: CHROMIUM_PATH as given, else the first
 * existing candidate, else @sparticuz/chromium on Linux x64; otherwise throws
 * a ChromiumNotFoundError whose message is one line naming what to install.
 */
export function planChromium(host: ChromiumHost): ChromiumPlan {
  const override = host.env.CHROMIUM_PATH;
  if (override !== undefined && override !== '') {
    // No fallback: someone set it on purpose, so a typo must not be hidden by another browser.
    if (!host.exists(override))
      throw new ChromiumNotFoundError(
        `CHROMIUM_PATH is set to ${override}, which is not an executable file; fix it or unset CHROMIUM_PATH`,
      );
    return { kind: 'executable', executablePath: override, source: 'CHROMIUM_PATH' };
  }
  const found = chromiumCandidates(host).find((candidate) => host.exists(candidate.path));
  if (found) return { kind: 'executable', executablePath: found.path, source: found.source };

  // The npm package ships one x64 Linux binary only; on arm64 it would fail with "exec format error".
  const packageEntry = host.platform === 'linux' && host.arch === 'x64' ? host.resolvePackage(SPARTICUZ_PACKAGE) : undefined;
  if (packageEntry !== undefined) return { kind: 'npm-package', packageEntry, source: SPARTICUZ_PACKAGE };

  throw new ChromiumNotFoundError(installHint(host));
}

function installHint(host: ChromiumHost): string {
  const tail = 'or set CHROMIUM_PATH to a Chromium executable';
  if (host.platform === 'linux' && host.arch === 'x64')
    return `No Chromium found: run npm install (the ${SPARTICUZ_PACKAGE} devDependency ships one), or apt-get install chromium, ${tail}`;
  if (host.platform === 'linux') return `No Chromium found: apt-get install chromium (${SPARTICUZ_PACKAGE} ships x64 only), ${tail}`;
  if (host.platform === 'darwin') return `No Chromium found: install Google Chrome, or run npx playwright install chromium, ${tail}`;
  return `No Chromium found: ${tail}`;
}

function systemPaths(host: ChromiumHost): string[] {
  if (host.platform === 'darwin') return [...MAC_APPS];
  if (host.platform !== 'linux') return [];
  // Relative PATH entries would depend on the test's working directory.
  const pathDirs = (host.env.PATH ?? '').split(':').filter((dir) => posix.isAbsolute(dir));
  const dirs = [...new Set([...pathDirs, '/usr/bin', '/snap/bin'])];
  return LINUX_NAMES.flatMap((name) => dirs.map((dir) => posix.join(dir, name)));
}

function playwrightCachePaths(host: ChromiumHost): string[] {
  const layouts = CACHE_LAYOUTS[host.platform];
  const root = playwrightCacheRoot(host);
  if (!layouts || root === undefined) return [];
  const entries = host.listDir(root);
  return Object.entries(layouts).flatMap(([browser, insides]) =>
    revisionsNewestFirst(entries, browser).flatMap((folder) => insides.map((inside) => posix.join(root, folder, inside))),
  );
}

// Mirrors where Playwright itself installs browsers (its registry's registryDirectory).
function playwrightCacheRoot(host: ChromiumHost): string | undefined {
  const configured = host.env.PLAYWRIGHT_BROWSERS_PATH;
  if (configured !== undefined && configured !== '' && configured !== '0') return posix.isAbsolute(configured) ? configured : undefined;
  if (host.platform === 'linux') return posix.join(host.env.XDG_CACHE_HOME || posix.join(host.homeDir, '.cache'), 'ms-playwright');
  if (host.platform === 'darwin') return posix.join(host.homeDir, 'Library', 'Caches', 'ms-playwright');
  return undefined;
}

function revisionsNewestFirst(entries: readonly string[], browser: string): string[] {
  const pattern = new RegExp(`^${browser}-(\\d+)$`);
  return entries
    .map((name) => ({ name, revision: Number(pattern.exec(name)?.[1] ?? NaN) }))
    .filter((entry) => !Number.isNaN(entry.revision))
    .sort((a, b) => b.revision - a.revision)
    .map((entry) => entry.name);
}
