// Fixture components for the composition tests: modules, metas and counters,
// nothing from src/components. `ledger` offers LedgerService; `invoices` and
// `reports` declare it; `sneaky` uses it undeclared; `curious` declares
// ledger but wants a provider ledger keeps to itself.
import {
  Controller,
  Get,
  Injectable,
  MiddlewareConsumer,
  Module,
  NestMiddleware,
  NestModule,
  Param,
  Post,
  RequestMethod,
  Type,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { ComponentMeta } from '../../../platform/component-meta';
import { currentComponent } from '../../../platform/observability/component-scope';
import { ComponentComposition } from '../component-composition';

export const counts = { ledgerServices: 0, middlewareRuns: 0 };

/** currentComponent() as ledger's middleware and invoices' handler saw it, in the order they ran. */
export const scopesSeen: string[] = [];

@Injectable()
export class LedgerService {
  constructor() {
    counts.ledgerServices += 1;
  }

  balance(): number {
    return 42;
  }
}

/** Provided by ledger, not exported. */
@Injectable()
export class LedgerAudit {}

@Injectable()
export class CountingMiddleware implements NestMiddleware {
  async use(_request: Request, _response: Response, next: NextFunction): Promise<void> {
    counts.middlewareRuns += 1;
    scopesSeen.push(`middleware: ${currentComponent()}`);
    // As a middleware that reads the database before handing on.
    await new Promise<void>((resolve) => setImmediate(resolve));
    scopesSeen.push(`middleware after await: ${currentComponent()}`);
    next();
  }
}

@Controller('ledger')
export class LedgerController {
  @Get()
  show(): string {
    return 'ledger';
  }

  @Get(':id')
  entry(@Param('id') id: string): string {
    return id;
  }

  @Post(':id/void')
  voidEntry(): string {
    return 'voided';
  }
}

@Module({
  controllers: [LedgerController],
  providers: [LedgerService, LedgerAudit, CountingMiddleware],
  exports: [LedgerService],
})
export class LedgerModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CountingMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}

@Injectable()
export class InvoicesService {
  constructor(readonly ledger: LedgerService) {}
}

@Controller('invoices')
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Get()
  list(): { balance: number } {
    scopesSeen.push(`invoices handler: ${currentComponent()}`);
    return { balance: this.invoices.ledger.balance() };
  }
}

@Module({ controllers: [InvoicesController], providers: [InvoicesService] })
export class InvoicesModule {}

@Injectable()
export class ReportsService {
  constructor(readonly ledger: LedgerService) {}
}

@Module({ providers: [ReportsService] })
export class ReportsModule {}

@Injectable()
export class SneakyService {
  constructor(readonly ledger: LedgerService) {}
}

@Module({ providers: [SneakyService] })
export class SneakyModule {}

@Injectable()
export class CuriousService {
  constructor(readonly audit: LedgerAudit) {}
}

@Module({ providers: [CuriousService] })
export class CuriousModule {}

const LEDGER_ROUTES = [{ path: '/ledger', isPrimary: true }, { path: '/ledger/:id' }, { path: '/ledger/:id/void' }];

export const fixtureMetas: ComponentMeta[] = [
  { id: 'ledger', title: 'Ledger', routes: LEDGER_ROUTES },
  { id: 'invoices', title: 'Invoices', routes: [{ path: '/invoices' }], dependsOn: ['ledger'] },
  { id: 'reports', title: 'Reports', routes: [], dependsOn: ['ledger'] },
  { id: 'sneaky', title: 'Sneaky', routes: [] },
  { id: 'curious', title: 'Curious', routes: [], dependsOn: ['ledger'] },
];

export const fixtureModules: Record<string, Type> = {
  ledger: LedgerModule,
  invoices: InvoicesModule,
  reports: ReportsModule,
  sneaky: SneakyModule,
  curious: CuriousModule,
};

/** The fixture components, with `changes` applied to some metas (e.g. other routes). */
export function fixtureComposition(changes: Record<string, Partial<ComponentMeta>> = {}): ComponentComposition {
  return ComponentComposition.of(
    fixtureMetas.map((meta) => ({ ...meta, ...changes[meta.id] })),
    fixtureModules,
  );
}
