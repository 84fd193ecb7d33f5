import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterNavigation } from '../../testing/browser/after-navigation';
import { launchBrowser } from '../../testing/browser/launch-browser';
import { startFixtureServer, type FixtureServer } from '../../testing/fixture-component/start-fixture-server';
import { resetWorkerSchema } from '../../testing/reset-worker-schema';

/** What the layout checks read from a rendered page, computed in the browser (this file has no DOM types). */
interface LayoutFacts {
  scrollWidth: number;
  clientWidth: number;
  headerHeight: number;
  headerWidth: number;
  h1Count: number;
  h1Top: number;
  h1MarginTop: string;
  stylesheetsLoaded: number;
  unlabelledControls: string[];
  currentNavLinks: number;
}

const LAYOUT_FACTS = `(() => {
  const header = document.querySelector('.site-header').getBoundingClientRect();
  const h1 = document.querySelector('main h1');
  const main = document.querySelector('main').getBoundingClientRect();
  const controls = [...document.querySelectorAll('main input:not([type=hidden]), main textarea, main select')];
  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    headerHeight: header.height,
    headerWidth: header.width,
    h1Count: document.querySelectorAll('h1').length,
    h1Top: h1 ? h1.getBoundingClientRect().top - main.top : -1,
    h1MarginTop: h1 ? getComputedStyle(h1).marginTop : '',
    stylesheetsLoaded: [...document.styleSheets].filter((sheet) => sheet.cssRules.length > 0).length,
    unlabelledControls: controls.filter((c) => c.labels.length === 0).map((c) => c.outerHTML),
    currentNavLinks: document.querySelectorAll('nav[aria-label="Main"] a[aria-current="page"]').length,
  };
})()`;

/** The outline of the focused element, as the user sees it. */
const FOCUS_OUTLINE = `(() => {
  const style = getComputedStyle(document.activeElement);
  return { tag: document.activeElement.tagName, style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
})()`;

/** The header's account area, as a person reads it: the links and buttons it offers and the text around them. */
const ACCOUNT_AREA = `(() => {
  const area = document.querySelector('.site-header .site-account');
  return area
    ? {
        text: area.innerText.replace(/\\s+/g, ' ').trim(),
        links: [...area.querySelectorAll('a')].map((a) => ({ text: a.textContent, href: a.getAttribute('href') })),
        buttons: [...area.querySelectorAll('button')].map((button) => button.textContent),
      }
    : null;
})()`;

/**
 * Where the account page's details list sits in its card, in CSS pixels: the
 * card's content box (inside border and padding), the list's own margins and
 * paddings, and where each label and value starts.
 */
const DETAILS_LIST_FACTS = `(() => {
  const card = document.querySelector('[aria-labelledby="account-details-title"]');
  const list = card.querySelector('dl');
  const style = getComputedStyle(card);
  const box = card.getBoundingClientRect();
  const listBox = list.getBoundingClientRect();
  const listStyle = getComputedStyle(list);
  const px = (value) => parseFloat(value);
  return {
    contentLeft: box.left + px(style.borderLeftWidth) + px(style.paddingLeft),
    contentRight: box.right - px(style.borderRightWidth) - px(style.paddingRight),
    contentBottom: box.bottom - px(style.borderBottomWidth) - px(style.paddingBottom),
    titleLeft: card.querySelector('.card-title').getBoundingClientRect().left,
    list: { left: listBox.left, right: listBox.right, bottom: listBox.bottom, margin: listStyle.margin, padding: listStyle.padding },
    termLefts: [...list.querySelectorAll('dt')].map((dt) => dt.getBoundingClientRect().left),
    detailLefts: [...list.querySelectorAll('dd')].map((dd) => dd.getBoundingClientRect().left),
    detailMargins: [...list.querySelectorAll('dd')].map((dd) => getComputedStyle(dd).marginLeft),
    details: [...list.querySelectorAll('dd')].map((dd) => dd.textContent),
  };
})()`;

interface DetailsListFacts {
  contentLeft: number;
  contentRight: number;
  contentBottom: number;
  titleLeft: number;
  list: { left: number; right: number; bottom: number; margin: string; padding: string };
  termLefts: number[];
  detailLefts: number[];
  detailMargins: string[];
  details: string[];
}

interface AccountAreaFacts {
  text: string;
  links: { text: string; href: string }[];
  buttons: string[];
}

/**
 * Signs the page's browser up through the real form, as a person would, then
 * in through the sign-in form (sign-up starts no session), so its context
 * holds a session cookie. @returns the new account's email
 */
async function signUpInBrowser(page: Page, baseUrl: string, displayName: string): Promise<string> {
  const email = `layout-${randomUUID()}@example.test`;
  const password = 'a long enough password';
  await page.goto(`${baseUrl}/accounts/sign-up`);
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByLabel('Name to show on your posts', { exact: true }).fill(displayName);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await afterNavigation(page, () => page.getByRole('button', { name: 'Create account' }).click());
  await page.goto(`${baseUrl}/accounts/sign-in`);
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await afterNavigation(page, () => page.getByRole('button', { name: 'Sign in' }).click());
  return email;
}

describe('the layout in a real browser, on a phone and on a desktop', () => {
  let server: FixtureServer;
  let browser: Browser;

  beforeAll(async () => {
    // The fixture component's pages (src/testing/fixture-component/) stand for a component's; the header's
    // account area is the accounts component's, so this test signs up through its pages.
    server = await startFixtureServer();
    await resetWorkerSchema(server.prisma);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pages = (noteId = '') => [
    ['the home page', '/'],
    ['a list with a form', '/fixture/notes'],
    ['a details page', `/fixture/notes/${noteId}`],
    ['a delete confirmation', `/fixture/notes/${noteId}/delete`],
    ['the 404 page', '/no/such/page'],
  ];

  describe.each([
    ['375 px phone', 375, 667],
    ['1280 px desktop', 1280, 800],
  ])('at %s', (_, width, height) => {
    let context: BrowserContext;
    let page: Page;
    let noteId: string;

    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width, height } });
      page = await context.newPage();
      // Signed in, so every page's header names the user.
      await signUpInBrowser(page, server.baseUrl, 'Layout Tester');
      const note = await server.notes.create({
        // Long words in a title and content must wrap, not widen the page.
        title: `A long title ${'unbreakable'.repeat(8)} that wraps`,
        content: 'x'.repeat(300),
        status: 'PUBLISHED',
        author: 'Layout Tester',
      });
      noteId = note.id;
    });

    afterAll(() => context?.close());

    it.each(pages().map(([name]) => name))(
      'shows %s without horizontal scrolling, with one h1 at the top of main and a bounded header',
      async (name) => {
        const path = pages(noteId).find(([pageName]) => pageName === name)![1];
        await page.goto(server.baseUrl + path);

        const facts = await page.evaluate<LayoutFacts>(LAYOUT_FACTS);

        // Every page's header says who is signed in, and offers to sign out.
        expect(await page.evaluate<AccountAreaFacts | null>(ACCOUNT_AREA)).toMatchObject({
          text: 'Signed in as Layout Tester Sign out',
          buttons: ['Sign out'],
        });
        expect(facts.stylesheetsLoaded).toBeGreaterThanOrEqual(2);
        expect(facts.scrollWidth).toBeLessThanOrEqual(facts.clientWidth);
        expect(facts.h1Count).toBe(1);
        expect(facts.h1MarginTop).toBe('0px');
        expect(facts.unlabelledControls).toEqual([]);
        if (width < 640) {
          // A compact bar on top: it must not take over a short page.
          expect(facts.headerWidth).toBe(width);
          expect(facts.headerHeight).toBeLessThanOrEqual(140);
        } else {
          // A column on the left, as tall as the page.
          expect(facts.headerWidth).toBeLessThanOrEqual(240);
        }
      },
    );

    it('shows the account page’s details flush with their card, like its title, without the browser’s list indents', async () => {
      await page.goto(`${server.baseUrl}/accounts/me`);

      const facts = await page.evaluate<DetailsListFacts>(DETAILS_LIST_FACTS);

      expect(facts.details.slice(0, 1)).toEqual(['Layout Tester']);
      expect(facts.list).toMatchObject({ margin: '0px', padding: '0px' });
      expect(facts.detailMargins).toEqual(['0px', '0px', '0px']);
      // Half a pixel: positions are fractions of a pixel at any zoom.
      expect(Math.abs(facts.list.left - facts.contentLeft)).toBeLessThan(0.5);
      expect(Math.abs(facts.titleLeft - facts.contentLeft)).toBeLessThan(0.5);
      for (const left of facts.termLefts) expect(Math.abs(left - facts.contentLeft)).toBeLessThan(0.5);
      // The last thing in the card ends where its padding begins, as a card's last paragraph does.
      expect(Math.abs(facts.list.bottom - facts.contentBottom)).toBeLessThan(0.5);
      expect(facts.list.right).toBeLessThanOrEqual(facts.contentRight + 0.5);
      if (width < 640) {
        // On a phone each value sits under its label.
        for (const left of facts.detailLefts) expect(Math.abs(left - facts.contentLeft)).toBeLessThan(0.5);
      } else {
        // Wider, the values form a column of their own beside the labels.
        expect(new Set(facts.detailLefts).size).toBe(1);
        expect(facts.detailLefts[0]).toBeGreaterThan(facts.contentLeft + 100);
      }
      const layout = await page.evaluate<LayoutFacts>(LAYOUT_FACTS);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    });

    it('shows a rejected form with its error summary first, without horizontal scrolling', async () => {
      await page.goto(`${server.baseUrl}/fixture/notes`);
      // Spaces pass the browser's own `required` check; the server rejects them.
      await page.getByLabel('Title', { exact: true }).fill('   ');
      await page.getByLabel('Your name', { exact: true }).fill('Layout Tester');
      await afterNavigation(page, () => page.getByRole('button', { name: 'Add note' }).click());

      const facts = await page.evaluate<LayoutFacts>(LAYOUT_FACTS);

      expect(await page.title()).toBe('Error: Notes · Component Platform');
      await expect(page.getByRole('alert').locator('a').getAttribute('href')).resolves.toBe('#title');
      expect(facts.scrollWidth).toBeLessThanOrEqual(facts.clientWidth);
      expect(facts.unlabelledControls).toEqual([]);
    });

    it('marks the current navigation entry and shows a visible outline on the focused element', async () => {
      await page.goto(`${server.baseUrl}/fixture/notes`);
      expect((await page.evaluate<LayoutFacts>(LAYOUT_FACTS)).currentNavLinks).toBe(1);

      await page.keyboard.press('Tab');
      const skipLink = await page.evaluate<{ tag: string; style: string; width: number }>(FOCUS_OUTLINE);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const navLink = await page.evaluate<{ tag: string; style: string; width: number }>(FOCUS_OUTLINE);

      expect(skipLink).toEqual({ tag: 'A', style: 'solid', width: 3 });
      expect(navLink).toEqual({ tag: 'A', style: 'solid', width: 3 });
    });

    it('shows Sign in and Create an account in the header when signed out, and who is signed in with a Sign out button after signing up and in, always within bounds', async () => {
      const visitorContext = await browser.newContext({ viewport: { width, height } });
      const visitor = await visitorContext.newPage();
      const withinBounds = async () => {
        const facts = await visitor.evaluate<LayoutFacts>(LAYOUT_FACTS);
        expect(facts.scrollWidth).toBeLessThanOrEqual(facts.clientWidth);
        if (width < 640) expect(facts.headerHeight).toBeLessThanOrEqual(140);
        else expect(facts.headerWidth).toBeLessThanOrEqual(240);
      };
      const signedOut: AccountAreaFacts = {
        text: 'Sign in Create an account',
        links: [
          { text: 'Sign in', href: '/accounts/sign-in?returnTo=%2Ffixture%2Fnotes' },
          { text: 'Create an account', href: '/accounts/sign-up' },
        ],
        buttons: [],
      };

      await visitor.goto(`${server.baseUrl}/fixture/notes`);
      expect(await visitor.evaluate<AccountAreaFacts | null>(ACCOUNT_AREA)).toEqual(signedOut);
      await withinBounds();

      await afterNavigation(visitor, () => visitor.locator('.site-header').getByRole('link', { name: 'Create an account' }).click());
      const email = `header-${randomUUID()}@example.test`;
      await visitor.getByLabel('Email address', { exact: true }).fill(email);
      await visitor.getByLabel('Name to show on your posts', { exact: true }).fill('Header Tester');
      await visitor.getByLabel('Password', { exact: true }).fill('a long enough password');
      await afterNavigation(visitor, () => visitor.getByRole('button', { name: 'Create account' }).click());
      // Sign-up starts no session: the "check your email" page's header is still a visitor's; its link leads to sign in.
      expect(await visitor.evaluate<AccountAreaFacts | null>(ACCOUNT_AREA)).toMatchObject({ text: 'Sign in Create an account' });
      await afterNavigation(visitor, () => visitor.locator('main').getByRole('link', { name: 'sign in', exact: true }).click());
      await visitor.getByLabel('Email address', { exact: true }).fill(email);
      await visitor.getByLabel('Password', { exact: true }).fill('a long enough password');
      await afterNavigation(visitor, () => visitor.getByRole('button', { name: 'Sign in' }).click());
      await visitor.goto(`${server.baseUrl}/fixture/notes`);

      expect(await visitor.evaluate<AccountAreaFacts | null>(ACCOUNT_AREA)).toEqual({
        text: 'Signed in as Header Tester Sign out',
        links: [{ text: 'Header Tester', href: '/accounts/me' }],
        buttons: ['Sign out'],
      });
      await withinBounds();

      await afterNavigation(visitor, () => visitor.locator('.site-header').getByRole('button', { name: 'Sign out' }).click());
      await visitor.goto(`${server.baseUrl}/fixture/notes`);
      expect(await visitor.evaluate<AccountAreaFacts | null>(ACCOUNT_AREA)).toEqual(signedOut);
      await visitorContext.close();
    });
  });

  it('links an expired form’s 403 page back to the form it came from', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/fixture/notes`);
    // As if the CSRF cookie had expired while the form was open; the browser id cookie is still there.
    await context.clearCookies({ name: 'csrf-token' });
    await page.getByLabel('Title', { exact: true }).fill('Never saved');
    await page.getByLabel('Your name', { exact: true }).fill('Late Submitter');

    await afterNavigation(page, () => page.getByRole('button', { name: 'Add note' }).click());
    await expect(page.locator('h1').textContent()).resolves.toBe('Not allowed');
    await expect(page.locator('.page-caption').textContent()).resolves.toBe('Error 403');
    await page.getByRole('link', { name: 'Go back to the form and submit it again' }).click();

    expect(page.url()).toBe(`${server.baseUrl}/fixture/notes`);
    // The form is there to submit again.
    await page.waitForLoadState('load');
    expect(await page.getByLabel('Title', { exact: true }).count()).toBe(1);
    expect((await server.notes.list(1)).notes.map((note) => note.title)).not.toContain('Never saved');
    await context.close();
  });
});
