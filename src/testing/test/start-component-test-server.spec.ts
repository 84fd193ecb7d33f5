import { UndeclaredComponentDependencyError } from '../../platform/errors/undeclared-component-dependency.error';
import { fixtureComposition } from '../../server/components/test/composition-fixtures';
import { startComponentTestServer } from '../start-test-server';

// The fixture components (src/server/components/test/composition-fixtures.ts): ledger provides and exports
// LedgerService, invoices declares ledger, sneaky uses LedgerService without declaring it.
describe('startComponentTestServer', () => {
  it('refuses to start a component that uses a provider of a component it did not declare, naming both and the fix', async () => {
    const started = startComponentTestServer('sneaky', { composition: fixtureComposition() });

    const error = await started.then(
      async (server) => {
        await server.close();
        throw new Error('sneaky started');
      },
      (failure: unknown) => failure,
    );

    expect(error).toBeInstanceOf(UndeclaredComponentDependencyError);
    expect((error as Error).message).toContain(
      "src/components/sneaky: SneakyService needs LedgerService, which component ledger provides, but sneaky's component.meta.ts does not declare it: add dependsOn: ['ledger']",
    );
  });

  it('starts a component that declares the component whose provider it uses, serving its page', async () => {
    const server = await startComponentTestServer('invoices', { composition: fixtureComposition() });
    try {
      const response = await fetch(`${server.baseUrl}/invoices`);

      expect(await response.json()).toEqual({ balance: 42 });
    } finally {
      await server.close();
    }
  });
});
