import type { EmbeddedDatabase } from './src/database/embedded/embedded-cluster';

/** Stops the embedded test cluster if this run started it. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { testCluster?: EmbeddedDatabase }).testCluster?.stop();
}
