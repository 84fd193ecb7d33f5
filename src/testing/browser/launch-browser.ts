import { Browser, chromium } from 'playwright-core';
import { resolveChromium } from './resolve-chromium';

/**
 * Headless Chromium driven by playwright-core, from wherever resolveChromium
 * finds one (Playwright's own browser download does not work offline).
 * `log` receives one line naming the executable and the rule that found it.
 */
export async function launchBrowser(log: (line: string) => void = () => undefined): Promise<Browser> {
  const { executablePath, args, source } = await resolveChromium();
  log(`chromium: ${executablePath} (from ${source})`);
  try {
    return await chromium.launch({ executablePath, args: [...args], headless: true });
  } catch (error) {
    // Name the source: a bare launch error does not say which rule picked this binary.
    throw new Error(`Chromium from ${source} (${executablePath}) did not start: ${launchFailure(error)}`, { cause: error });
  }
}

// Playwright's first line is generic ("Target page, context or browser has been
// closed"); the cause, e.g. a missing libnss3.so, is in the browser's stderr lines.
function launchFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const [first = '', ...rest] = error.message.split('\n');
  return [first, ...rest.filter((line) => /^\[pid=\d+\]\[err\] /.test(line))].join(' | ');
}
