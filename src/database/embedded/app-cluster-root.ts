import { join } from 'node:path';

/** Where the app's embedded cluster lives; the test setup uses its own, `.data/test`. */
export const APP_CLUSTER_ROOT = join(process.cwd(), '.data', 'dev');
