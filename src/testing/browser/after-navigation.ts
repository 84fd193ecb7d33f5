import type { Page } from 'playwright-core';

/**
 * Runs `action` (a click that submits a form, say) and returns once the page
 * it leads to has loaded. Needed when the next page has the same URL as this
 * one (a form posting to its own address): `waitForURL` would return at once
 * and the test would read the old page. The marker lives in the old
 * document's window only, so its absence means the new document is there.
 */
export async function afterNavigation(page: Page, action: () => Promise<void>): Promise<void> {
  await page.evaluate('window.__beforeNavigation = true');
  await action();
  await page.waitForFunction('window.__beforeNavigation === undefined');
  await page.waitForLoadState('load');
}
