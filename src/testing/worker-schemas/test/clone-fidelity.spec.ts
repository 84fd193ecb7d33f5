import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { locatePgDump } from '../pg-dump-locator';
import { prepareWorkerSchemas, WorkerSchemaReport } from '../worker-schemas';
import { catalogFingerprint } from './catalog-fingerprint';
import { createScratchDatabase, ScratchDatabase } from './scratch-database';

const FIXTURE = readFileSync(join(__dirname, 'fixtures', 'fidelity-migration.sql'), 'utf8');
const WORKERS = ['test_1', 'test_2', 'test_3'];

// The fixture migration holds one of each kind of object a migration may
// create; every worker schema must come out of the clone as the same objects,
// behaving the same, but pointing at itself instead of at `public`.
describe('a worker schema cloned from a migrated public', () => {
  let scratch: ScratchDatabase;
  let owner: Client;
  let worker: Client;
  let report: WorkerSchemaReport;
  const migrate = jest.fn(async () => {
    await owner.query(FIXTURE);
  });

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    owner = await scratch.connect();
    report = await prepareWorkerSchemas(owner, {
      ownerUrl: scratch.ownerUrl,
      runtimeRole: null,
      workers: WORKERS.length,
      fingerprint: 'fixture-1',
      pgDump: locatePgDump(15).path,
      migrate,
    });
    // What a Jest worker sees: its own schema first, extensions through public.
    worker = await scratch.connect('-c search_path=test_2,public');
  });

  afterAll(() => scratch?.drop());

  it('builds every worker schema after migrating public once', () => {
    expect(report).toEqual({ schemas: WORKERS, rebuilt: WORKERS });
    expect(migrate).toHaveBeenCalledTimes(1);
  });

  it('has the same columns, constraints, indexes, sequences, triggers, functions, comments, views and enums as public', async () => {
    const source = await catalogFingerprint(owner, 'public');

    expect(source.triggers['ticket.ticket_audit']).toBe(
      'CREATE TRIGGER ticket_audit AFTER INSERT ON <own>.ticket FOR EACH ROW EXECUTE FUNCTION <own>.log_ticket()',
    );
    expect(source.columns['customer.email']).toEqual({ type: 'public.citext', default: null, notNull: true, identity: '' });
    expect(source.columns['ticket.id'].default).toBe('public.uuid_generate_v4()');
    expect(source.functions['log_ticket()'].body).toContain('INSERT INTO <own>.audit_log');
    expect(source.functions['log_customer()'].body).toContain('INSERT INTO <own>."audit_log"');
    expect(Object.keys(source.sequences).sort()).toEqual(['audit_log_id_seq', 'customer_id_seq', 'receipt_number_seq']);
    for (const schema of WORKERS) {
      expect({ schema, ...(await catalogFingerprint(owner, schema)) }).toEqual({ schema, ...source });
    }
  });

  it('fills in the enum default', async () => {
    const customer = await addCustomer(worker, 'enum-default@example.test');
    const { rows } = await worker.query<{ status: string }>(
      `INSERT INTO ticket (customer_id, title) VALUES ($1, 'Printer') RETURNING status`,
      [customer],
    );
    expect(rows[0].status).toBe('open');
  });

  it("deletes a customer's tickets with the customer", async () => {
    const customer = await addCustomer(worker, 'cascade@example.test');
    await worker.query(`INSERT INTO ticket (customer_id, title) VALUES ($1, 'One'), ($1, 'Two')`, [customer]);

    await worker.query('DELETE FROM customer WHERE id = $1', [customer]);

    const { rows } = await worker.query<{ tickets: number }>('SELECT count(*)::int AS tickets FROM ticket WHERE customer_id = $1', [
      customer,
    ]);
    expect(rows[0].tickets).toBe(0);
  });

  it('rejects a second customer with the same email through the unique index', async () => {
    await addCustomer(worker, 'unique@example.test');
    await expect(addCustomer(worker, 'unique@example.test')).rejects.toMatchObject({ code: '23505', constraint: 'customer_email_key' });
  });

  it("numbers receipts 1 then 2 in the worker schema, whatever public's sequence is at", async () => {
    await owner.query(`INSERT INTO public.receipt (note) VALUES ('public a'), ('public b'), ('public c')`);

    const { rows } = await worker.query<{ number: number }>(`INSERT INTO receipt (note) VALUES ('first'), ('second') RETURNING number`);

    expect(rows.map((row) => row.number)).toEqual([1, 2]);
    const next = await owner.query<{ number: number }>(`SELECT nextval('public.receipt_number_seq')::int AS number`);
    expect(next.rows[0].number).toBe(4);
  });

  it('compares citext emails case-insensitively', async () => {
    const customer = await addCustomer(worker, 'Mixed.Case@Example.Test');
    const { rows } = await worker.query(`SELECT id FROM customer WHERE email = 'MIXED.CASE@example.test'`);
    expect(rows).toEqual([{ id: customer }]);
  });

  it("lists the worker schema's own open tickets through the cloned view, never public's", async () => {
    const publicCustomer = await owner.query<{ id: number }>(
      `INSERT INTO public.customer (email, name) VALUES ('public-view@example.test', 'Customer') RETURNING id`,
    );
    await owner.query(`INSERT INTO public.ticket (customer_id, title) VALUES ($1, 'Only in public')`, [publicCustomer.rows[0].id]);
    const customer = await addCustomer(worker, 'worker-view@example.test');
    await worker.query(`INSERT INTO ticket (customer_id, title) VALUES ($1, 'Only in the worker schema')`, [customer]);

    const { rows } = await worker.query<{ title: string; email: string }>(
      `SELECT title, email FROM open_ticket WHERE email LIKE '%-view@example.test'`,
    );
    const { rows: definitions } = await owner.query<{ definition: string }>(
      `SELECT definition FROM pg_views WHERE schemaname = 'test_2' AND viewname = 'open_ticket'`,
    );

    expect(rows).toEqual([{ title: 'Only in the worker schema', email: 'worker-view@example.test' }]);
    expect(definitions[0].definition).toMatch(/FROM \(test_2\.ticket t\s+JOIN test_2\.customer c/);
  });

  it('writes the audit rows of its triggers into the worker schema, not into public', async () => {
    const customer = await addCustomer(worker, 'audited@example.test');
    const { rows } = await worker.query<{ id: number }>(`INSERT INTO ticket (customer_id, title) VALUES ($1, 'Audited') RETURNING id`, [
      customer,
    ]);

    const audit = (schema: string) =>
      owner.query(
        `SELECT table_name FROM ${schema}.audit_log WHERE (table_name, row_id) IN (('customer', $1), ('ticket', $2)) ORDER BY 1`,
        [String(customer), rows[0].id],
      );
    // log_ticket names `public.audit_log`, log_customer `"public"."audit_log"`.
    expect((await audit('test_2')).rows).toEqual([{ table_name: 'customer' }, { table_name: 'ticket' }]);
    expect((await audit('public')).rows).toEqual([]);
  });
});

async function addCustomer(client: Client, email: string): Promise<number> {
  const { rows } = await client.query<{ id: number }>(`INSERT INTO customer (email, name) VALUES ($1, 'Customer') RETURNING id`, [email]);
  return rows[0].id;
}
