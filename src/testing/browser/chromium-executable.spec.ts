import { ChromiumNotFoundError } from '../errors/chromium-not-found.error';
import { ChromiumHost, chromiumCandidates, planChromium } from './chromium-executable';

const SPARTICUZ_ENTRY = '/repo/node_modules/@sparticuz/chromium/build/cjs/index.cjs';

// A machine where exactly `executables` exist, `dirs` list their entries and
// the npm package is installed only when `withPackage` is set.
function fakeHost(
  overrides: Partial<ChromiumHost> & { executables?: string[]; dirs?: Record<string, string[]>; withPackage?: boolean } = {},
): ChromiumHost {
  const { executables = [], dirs = {}, withPackage = false, ...rest } = overrides;
  return {
    platform: 'linux',
    arch: 'x64',
    env: { PATH: '/usr/local/bin:/usr/bin:relative/bin' },
    homeDir: '/home/dev',
    exists: (path) => executables.includes(path),
    listDir: (path) => dirs[path] ?? [],
    resolvePackage: (name) => (withPackage && name === '@sparticuz/chromium' ? SPARTICUZ_ENTRY : undefined),
    ...rest,
  };
}

function thrownBy(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected the action to throw an Error');
}

describe('choosing a Chromium executable', () => {
  it('lists Linux names across PATH, /usr/bin and /snap/bin, then Playwright browsers newest revision first', () => {
    const host = fakeHost({
      dirs: { '/home/dev/.cache/ms-playwright': ['chromium_headless_shell-1194', 'chromium-1187', 'chromium-1194', 'ffmpeg-1011'] },
    });

    const paths = chromiumCandidates(host).map((candidate) => `${candidate.source} ${candidate.path}`);

    expect(paths).toEqual([
      'system /usr/local/bin/chromium',
      'system /usr/bin/chromium',
      'system /snap/bin/chromium',
      'system /usr/local/bin/chromium-browser',
      'system /usr/bin/chromium-browser',
      'system /snap/bin/chromium-browser',
      'system /usr/local/bin/google-chrome',
      'system /usr/bin/google-chrome',
      'system /snap/bin/google-chrome',
      'system /usr/local/bin/google-chrome-stable',
      'system /usr/bin/google-chrome-stable',
      'system /snap/bin/google-chrome-stable',
      'playwright-cache /home/dev/.cache/ms-playwright/chromium-1194/chrome-linux/chrome',
      'playwright-cache /home/dev/.cache/ms-playwright/chromium-1194/chrome-linux64/chrome',
      'playwright-cache /home/dev/.cache/ms-playwright/chromium-1187/chrome-linux/chrome',
      'playwright-cache /home/dev/.cache/ms-playwright/chromium-1187/chrome-linux64/chrome',
      'playwright-cache /home/dev/.cache/ms-playwright/chromium_headless_shell-1194/chrome-linux/headless_shell',
      'playwright-cache /home/dev/.cache/ms-playwright/chromium_headless_shell-1194/chrome-headless-shell-linux64/chrome-headless-shell',
    ]);
  });

  it('looks in the macOS application folders and ~/Library/Caches/ms-playwright on macOS', () => {
    const host = fakeHost({
      platform: 'darwin',
      arch: 'arm64',
      dirs: { '/Users/dev/Library/Caches/ms-playwright': ['chromium-1194'] },
      homeDir: '/Users/dev',
    });

    expect(chromiumCandidates(host).map((candidate) => candidate.path)).toEqual([
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Users/dev/Library/Caches/ms-playwright/chromium-1194/chrome-mac/Chromium.app/Contents/MacOS/Chromium',
    ]);
  });

  it('uses the folder in PLAYWRIGHT_BROWSERS_PATH for Playwright browsers, as Playwright does', () => {
    const host = fakeHost({
      env: { PLAYWRIGHT_BROWSERS_PATH: '/opt/pw' },
      dirs: { '/opt/pw': ['chromium-1194'] },
      executables: ['/opt/pw/chromium-1194/chrome-linux/chrome'],
    });

    expect(planChromium(host)).toEqual({
      kind: 'executable',
      executablePath: '/opt/pw/chromium-1194/chrome-linux/chrome',
      source: 'playwright-cache',
    });
  });

  it('prefers CHROMIUM_PATH over a system Chromium and the npm package', () => {
    const host = fakeHost({
      env: { CHROMIUM_PATH: '/opt/chrome/chrome', PATH: '/usr/bin' },
      executables: ['/opt/chrome/chrome', '/usr/bin/chromium'],
      withPackage: true,
    });

    expect(planChromium(host)).toEqual({ kind: 'executable', executablePath: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' });
  });

  it('fails with one line naming CHROMIUM_PATH when it points at nothing, instead of falling back to another Chromium', () => {
    const host = fakeHost({
      env: { CHROMIUM_PATH: '/opt/typo/chrome', PATH: '/usr/bin' },
      executables: ['/usr/bin/chromium'],
      withPackage: true,
    });

    const error = thrownBy(() => planChromium(host));

    expect(error).toBeInstanceOf(ChromiumNotFoundError);
    expect(error.message).toBe('CHROMIUM_PATH is set to /opt/typo/chrome, which is not an executable file; fix it or unset CHROMIUM_PATH');
  });

  it('takes the first system Chromium that exists, ahead of Playwright browsers and the npm package', () => {
    const host = fakeHost({
      executables: ['/usr/bin/google-chrome', '/snap/bin/chromium', '/home/dev/.cache/ms-playwright/chromium-1194/chrome-linux/chrome'],
      dirs: { '/home/dev/.cache/ms-playwright': ['chromium-1194'] },
      withPackage: true,
    });

    expect(planChromium(host)).toEqual({ kind: 'executable', executablePath: '/snap/bin/chromium', source: 'system' });
  });

  it('takes a Playwright browser when the system has none', () => {
    const shell = '/home/dev/.cache/ms-playwright/chromium_headless_shell-1194/chrome-linux/headless_shell';
    const host = fakeHost({
      env: { PATH: '/usr/bin', XDG_CACHE_HOME: '' },
      executables: [shell],
      dirs: { '/home/dev/.cache/ms-playwright': ['chromium_headless_shell-1194'] },
      withPackage: true,
    });

    expect(planChromium(host)).toEqual({ kind: 'executable', executablePath: shell, source: 'playwright-cache' });
  });

  it('falls back to @sparticuz/chromium on Linux x64 when no other Chromium exists', () => {
    expect(planChromium(fakeHost({ withPackage: true }))).toEqual({
      kind: 'npm-package',
      packageEntry: SPARTICUZ_ENTRY,
      source: '@sparticuz/chromium',
    });
  });

  it('does not use @sparticuz/chromium on Linux arm64, where its x64-only binary cannot run', () => {
    const error = thrownBy(() => planChromium(fakeHost({ arch: 'arm64', withPackage: true })));

    expect(error.message).toBe(
      'No Chromium found: apt-get install chromium (@sparticuz/chromium ships x64 only), or set CHROMIUM_PATH to a Chromium executable',
    );
  });

  it('fails with one line saying what to install when Linux x64 has no Chromium and no npm package', () => {
    const error = thrownBy(() => planChromium(fakeHost()));

    expect(error).toBeInstanceOf(ChromiumNotFoundError);
    expect(error.message).toBe(
      'No Chromium found: run npm install (the @sparticuz/chromium devDependency ships one), or apt-get install chromium, or set CHROMIUM_PATH to a Chromium executable',
    );
    expect(error.message).not.toContain('\n');
  });

  it('tells macOS users to install Google Chrome or a Playwright browser when none is found', () => {
    const error = thrownBy(() => planChromium(fakeHost({ platform: 'darwin', arch: 'arm64', withPackage: true })));

    expect(error.message).toBe(
      'No Chromium found: install Google Chrome, or run npx playwright install chromium, or set CHROMIUM_PATH to a Chromium executable',
    );
  });
});
