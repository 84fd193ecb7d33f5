import { existsSync } from 'node:fs';
import { Browser, chromium } from 'playwright-core';

/**
 * Headless Chromium from the system (Debian's `chromium` package), driven by
 * playwright-core; Playwright's own browser download does not work offline.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}; install it (Debian/Ubuntu: apt-get install chromium, which .ci/run does) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    // --no-sandbox: CI runs as root; background networking would try to reach
    // Google's hosts, which a closed network refuses over and over.
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run'],
  });
}
