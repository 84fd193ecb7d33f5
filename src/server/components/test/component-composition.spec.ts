import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ComponentModuleMissingError } from '../../../platform/errors/component-module-missing.error';
import { ConfigurationError } from '../../../platform/errors/configuration.error';
import { UndeclaredComponentDependencyError } from '../../../platform/errors/undeclared-component-dependency.error';
import { ComponentComposition } from '../component-composition';
import { counts, fixtureComposition, fixtureMetas, fixtureModules, ReportsService, scopesSeen } from './composition-fixtures';

/** Boots these fixture components for real (Nest's injector, and HTTP when `listen`), as the app and the test server do. */
async function boot(
  composition: ComponentComposition,
  ids: string[],
  algorithm: 'deep-hash' | 'reference' = 'deep-hash',
): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: composition.modulesFor(ids) }, { moduleIdGeneratorAlgorithm: algorithm })
    .compile()
    .catch((error: unknown) => {
      throw composition.explainBootFailure(error);
    });
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  return app;
}

const urlOf = (app: INestApplication, path: string) => {
  const server = app.getHttpServer() as Server;
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
};

/** The error a boot of these components fails with. */
async function bootFailure(composition: ComponentComposition, ids: string[]): Promise<Error> {
  const app = await boot(composition, ids).catch((error: Error) => error);
  if (!(app instanceof Error)) {
    await app.close();
    throw new Error(`${ids.join(', ')} booted`);
  }
  return app;
}

describe('ComponentComposition', () => {
  beforeEach(() => {
    counts.ledgerServices = 0;
    counts.middlewareRuns = 0;
  });

  it.each(['deep-hash', 'reference'] as const)(
    'gives a component what its dependsOn components export, and builds each component once however many depend on it (%s module ids)',
    async (algorithm) => {
      const app = await boot(fixtureComposition(), ['invoices', 'reports', 'ledger'], algorithm);
      try {
        const response = await fetch(urlOf(app, '/invoices'));

        expect(await response.json()).toEqual({ balance: 42 });
        expect(counts.ledgerServices).toBe(1);
        // ledger's middleware is installed once, so it runs once per request.
        expect(counts.middlewareRuns).toBe(1);
      } finally {
        await app.close();
      }
    },
  );

  it("runs a component's middleware in that component's scope, and hands the rest of the request on outside it", async () => {
    const app = await boot(fixtureComposition(), ['invoices']);
    try {
      scopesSeen.length = 0;

      expect((await fetch(urlOf(app, '/invoices'))).status).toBe(200);

      // No request scope in this bare boot: what is not ledger's work is platform's.
      expect(scopesSeen).toEqual(['middleware: ledger', 'middleware after await: ledger', 'invoices handler: platform']);
    } finally {
      await app.close();
    }
  });

  it('starts the components it is asked for and what they depend on, nothing else', async () => {
    const composition = fixtureComposition();
    const app = await boot(composition, ['invoices']);
    try {
      expect(composition.closureOf(['invoices'])).toEqual(['ledger', 'invoices']);
      expect((await fetch(urlOf(app, '/ledger'))).status).toBe(200);
      expect(() => app.get(ReportsService)).toThrow();
    } finally {
      await app.close();
    }
  });

  it('rejects an unknown component id, naming the known ones', () => {
    expect(() => fixtureComposition().modulesFor(['payroll'])).toThrow(
      'there is no component "payroll"; known components: ledger, invoices, reports, sneaky, curious',
    );
  });

  it('refuses a component listed in the registry without a module class, as a configuration error naming both generated files and the fix', () => {
    const withoutLedger = Object.fromEntries(Object.entries(fixtureModules).filter(([id]) => id !== 'ledger'));

    const composing = () => ComponentComposition.of(fixtureMetas, withoutLedger);

    expect(composing).toThrow(ComponentModuleMissingError);
    expect(composing).toThrow(ConfigurationError);
    expect(composing).toThrow(
      'component ledger is in src/generated/component-registry.ts (from src/components/ledger/component.meta.ts) but has no module class in src/generated/components.module.ts: the generated files are out of date; run npm run generate',
    );
  });

  it('fails to boot a component that injects a provider of a component it did not declare, naming both and the fix', async () => {
    for (const ids of [['sneaky'], ['ledger', 'sneaky']]) {
      const error = await bootFailure(fixtureComposition(), ids);

      expect(error).toBeInstanceOf(UndeclaredComponentDependencyError);
      expect(error.message).toBe(
        "src/components/sneaky: SneakyService needs LedgerService, which component ledger provides, but sneaky's component.meta.ts does not declare it: add dependsOn: ['ledger'] (and export LedgerService from ledger's module and index.ts)",
      );
    }
  });

  it('keeps what a component already declares in the dependsOn it suggests', async () => {
    const composition = fixtureComposition({ sneaky: { dependsOn: ['reports'] } });

    const error = await bootFailure(composition, ['sneaky']);

    expect(error.message).toContain("add dependsOn: ['reports', 'ledger']");
  });

  it('names the export to add when a declared component provides the provider but keeps it to itself', async () => {
    const error = await bootFailure(fixtureComposition(), ['curious']);

    expect(error).toBeInstanceOf(UndeclaredComponentDependencyError);
    expect(error.message).toBe(
      'src/components/curious: CuriousService needs LedgerAudit, which component ledger provides but does not export: add it to exports in src/components/ledger/component.module.ts and re-export it from src/components/ledger/index.ts',
    );
  });
});
