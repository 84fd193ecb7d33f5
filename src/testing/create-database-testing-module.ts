import { ModuleMetadata } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { DatabaseModule } from '../database/runtime/database.module';

/**
 * A compiled and initialised Nest testing module with the real, global
 * `DatabaseModule` (so `PrismaService` connects to this worker's test schema)
 * plus whatever the test imports. Close it in `afterAll`.
 */
export async function createDatabaseTestingModule(metadata: ModuleMetadata = {}): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({
    ...metadata,
    imports: [DatabaseModule, ...(metadata.imports ?? [])],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}
