import { Controller, Get, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ComponentRoutesError } from '../../../platform/errors/component-routes.error';
import type { ComponentComposition } from '../component-composition';
import { routesServedBy } from '../served-routes';
import { fixtureComposition } from './composition-fixtures';

/** Boots the fixture ledger component as the app does; the check runs when the app initialises. */
async function initialise(composition: ComponentComposition): Promise<void> {
  const moduleRef = await Test.createTestingModule({ imports: composition.modulesFor(['ledger']) }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  try {
    await app.init();
  } finally {
    await app.close();
  }
}

const ledgerRoutes = (...paths: string[]) => ({ ledger: { routes: paths.map((path) => ({ path })) } });

describe('the check that component routes match their controllers, at boot', () => {
  it('starts when the meta lists every path the controllers serve, parameters and form targets included', async () => {
    await expect(initialise(fixtureComposition())).resolves.toBeUndefined();
  });

  it('refuses to start when a meta lists a route no controller serves, naming the meta file and the controller', async () => {
    const composition = fixtureComposition(ledgerRoutes('/ledger', '/ledger/:id', '/ledger/:id/void', '/ledger/archive'));

    const error = await initialise(composition).catch((failure: Error) => failure);

    expect(error).toBeInstanceOf(ComponentRoutesError);
    expect((error as Error).message).toBe(
      'component routes and controllers disagree:\n  src/components/ledger/component.meta.ts lists the route /ledger/archive, but no controller of component ledger serves it (controllers: LedgerController); serve it with a handler, or remove it from routes',
    );
  });

  it('refuses to start when a controller serves a path its meta does not list, naming the controller method and the meta file', async () => {
    const composition = fixtureComposition(ledgerRoutes('/ledger', '/ledger/:id/void'));

    const error = await initialise(composition).catch((failure: Error) => failure);

    expect(error).toBeInstanceOf(ComponentRoutesError);
    expect((error as Error).message).toBe(
      "component routes and controllers disagree:\n  LedgerController.entry serves GET /ledger/:id, which src/components/ledger/component.meta.ts does not list; add { path: '/ledger/:id' } to its routes (they list every path the component serves), or remove the handler",
    );
  });
});

describe('routesServedBy', () => {
  @Controller()
  class RootController {
    @Get('/')
    home(): void {}
  }

  @Controller('/shop/')
  class ShopController {
    @Post('orders/:id/')
    cancel(): void {}

    @Get(['', 'list'])
    list(): void {}

    helper(): void {}
  }

  it('joins the controller’s and the handler’s paths as Nest does, one entry per path and method', () => {
    expect(routesServedBy(RootController)).toEqual([{ path: '/', method: 'GET', handler: 'RootController.home' }]);
    expect(routesServedBy(ShopController)).toEqual([
      { path: '/shop/orders/:id', method: 'POST', handler: 'ShopController.cancel' },
      { path: '/shop', method: 'GET', handler: 'ShopController.list' },
      { path: '/shop/list', method: 'GET', handler: 'ShopController.list' },
    ]);
  });
});
