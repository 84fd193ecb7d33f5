import { Client } from 'pg';
import { startEmbeddedCluster } from './src/database/embedded/embedded-cluster';
(async () => {
  const cluster = await startEmbeddedCluster({ root: process.cwd() + '/.data/dev', durability: 'durable' });
  const c = new Client({ connectionString: process.env.AS === 'super' ? cluster.superuserUrl : cluster.ownerUrl });
  await c.connect();
  try { for (const q of process.argv.slice(2)) console.log(JSON.stringify((await c.query(q)).rows)); }
  catch (e) { console.error((e as Error).message); }
  await c.end(); await cluster.stop();
})();
