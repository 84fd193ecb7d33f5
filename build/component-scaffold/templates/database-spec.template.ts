import type { ComponentNames } from '../component-names';

/** test/component.service.spec.ts: the service and the seed against this worker's PostgreSQL schema. */
export function serviceSpecTemplate(n: ComponentNames): string {
  return `import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { PrismaService } from '../../../database/runtime/prisma.service';
import { runComponentSeeds } from '../../../database/seeding/run-component-seeds';
import { createComponentTestingModule } from '../../../testing/create-component-testing-module';
import { ${n.moduleClass} } from '../component.module';
import { ${n.serviceClass} } from '../component.service';
import type { New${n.model} } from '../component.types';
import seed from '../prisma/seed';

describe('${n.serviceClass} against PostgreSQL', () => {
  let moduleRef: TestingModule;
  let service: ${n.serviceClass};
  let prisma: PrismaService;
  /** An item no other test uses, with what the test cares about. */
  const newItem = (changes: Partial<New${n.model}> = {}): New${n.model} => ({ name: \`Item \${randomUUID()}\`, notes: null, ...changes });

  beforeAll(async () => {
    moduleRef = await createComponentTestingModule('${n.id}');
    service = moduleRef.get(${n.serviceClass});
    prisma = moduleRef.get(PrismaService);
  });

  afterAll(() => moduleRef.close());

  it('adds an item and returns it with its id and date', async () => {
    const input = newItem({ notes: 'Read it twice.' });

    const item = await service.addItem(input);

    expect(item).toEqual({ id: expect.any(String), ...input, createdAt: expect.any(Date) });
    expect(await prisma.${n.delegate}.count({ where: { id: item.id } })).toBe(1);
  });

  it('lists the newest items first', async () => {
    const older = await service.addItem(newItem());
    const newer = await service.addItem(newItem());

    const ids = (await service.listItems()).map((item) => item.id);

    expect(ids.indexOf(newer.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
  });

  it('lists at most the number of items asked for', async () => {
    await service.addItem(newItem());
    await service.addItem(newItem());

    expect(await service.listItems(1)).toHaveLength(1);
  });

  it('seeds example items once, however often the seed runs', async () => {
    const run = () => runComponentSeeds(prisma, [{ componentId: '${n.id}', seed }], () => undefined);
    await run();
    const once = await prisma.${n.delegate}.count();

    await run();

    expect(once).toBeGreaterThan(0);
    expect(await prisma.${n.delegate}.count()).toBe(once);
  });
});
`;
}

/** test/<id>-routes.spec.ts: the pages over HTTP, the component, what it depends on and the platform, as in production. */
export function routesSpecTemplate(n: ComponentNames): string {
  return `import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { CookieClient } from '../../../testing/http/cookie-client';
import { startComponentTestServer, TestServer } from '../../../testing/start-test-server';

describe('${n.id} routes over HTTP', () => {
  let server: TestServer;
  let browser: CookieClient;

  beforeAll(async () => {
    server = await startComponentTestServer('${n.id}');
  });

  afterAll(() => server.close());

  beforeEach(async () => {
    await resetWorkerSchema(server.prisma);
    browser = new CookieClient(server.baseUrl);
  });

  /** Loads the list, as a browser would before submitting its form, and returns the form's CSRF token. */
  async function openList(): Promise<string> {
    const response = await browser.get('${n.path}');
    expect(response.status).toBe(200);
    return CookieClient.csrfTokenIn(await response.text());
  }

  it('shows the list page, marked as the current entry of the navigation', async () => {
    const response = await browser.get('${n.path}');
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toMatch(/<title>${n.title} /);
    expect(html).toMatch(/<a [^>]*href="${n.path.replace(/\//g, '\\/')}"[^>]*aria-current="page"/);
    expect(html).toContain('No items yet.');
  });

  it('adds an item, redirects with 303, and says so once on the next page', async () => {
    const _csrf = await openList();

    const response = await browser.postForm('${n.path}', { _csrf, name: 'Dune', notes: 'Read it twice.' });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('${n.path}');
    const next = await (await browser.get('${n.path}')).text();
    expect(next).toContain('Added “Dune”.');
    expect(next).toContain('Read it twice.');
    expect(await (await browser.get('${n.path}')).text()).not.toContain('Added “Dune”.');
  });

  it('answers an invalid form with 400, a summary, the message by the field and the input kept, and saves nothing', async () => {
    const _csrf = await openList();

    const response = await browser.postForm('${n.path}', { _csrf, name: '   ', notes: 'Kept notes' });
    const html = await response.text();

    expect(response.status).toBe(400);
    expect(html).toMatch(/<title>Error: ${n.title} /);
    expect(html).toContain('There is a problem');
    expect(html).toMatch(/id="name"[^>]*aria-invalid="true"/);
    expect(html).toContain('Enter a name of 1 to 200 characters.');
    expect(html).toMatch(/Kept notes<\\/textarea>/);
    expect(await server.prisma.${n.delegate}.count()).toBe(0);
  });

  it('refuses a form without its CSRF token with 403 and saves nothing', async () => {
    await openList();

    const response = await browser.postForm('${n.path}', { name: 'Forged' });

    expect(response.status).toBe(403);
    expect(await server.prisma.${n.delegate}.count()).toBe(0);
  });
});
`;
}

/** test/<id>-routes.spec.ts of a component without data. */
export function simpleRoutesSpecTemplate(n: ComponentNames): string {
  return `import { CookieClient } from '../../../testing/http/cookie-client';
import { startComponentTestServer, TestServer } from '../../../testing/start-test-server';

describe('${n.id} page over HTTP', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startComponentTestServer('${n.id}');
  });

  afterAll(() => server.close());

  it('shows the page, marked as the current entry of the navigation', async () => {
    const response = await new CookieClient(server.baseUrl).get('${n.path}');
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toMatch(/<title>${n.title} /);
    expect(html).toMatch(/<h1[^>]*>${n.title}<\\/h1>/);
    expect(html).toMatch(/<a [^>]*href="${n.path.replace(/\//g, '\\/')}"[^>]*aria-current="page"/);
  });
});
`;
}
