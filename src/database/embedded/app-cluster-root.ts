import { join } from 'node:path';

/** Where the app's embedded cluster lives; tests use their own (`.data/test`, see jest.globalSetup.ts). */
export const APP_CLUSTER_ROOT = join(process.cwd(), '.data', 'dev');
