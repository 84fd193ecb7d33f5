import { authFileLine, PgbouncerPlan, pgbouncerIni, poolSizingProblem } from './pgbouncer-config';

const plan: PgbouncerPlan = {
  listenPort: 6432,
  server: { port: 5433, database: 'app' },
  authType: 'scram-sha-256',
  authFile: '/srv/load/pgbouncer/userlist.txt',
  instances: 2,
  appPoolSize: 10,
  serverPool: 20,
  maxConnections: 100,
  reservedConnections: 3,
};

describe('poolSizingProblem', () => {
  it('accepts pools that fit: 2 × 10 ≤ 20 ≤ 100 − 3', () => {
    expect(poolSizingProblem(plan)).toBeNull();
  });

  it('names the instances’ pools when they exceed PgBouncer’s server pool', () => {
    expect(poolSizingProblem({ ...plan, instances: 3 })).toBe(
      "DATABASE_POOL_SIZE × instances = 10 × 3 = 30 exceeds PgBouncer's default_pool_size 20; lower DATABASE_POOL_SIZE or raise default_pool_size",
    );
  });

  it('names max_connections when the server pool exceeds what PostgreSQL allows', () => {
    expect(poolSizingProblem({ ...plan, maxConnections: 20 })).toContain(
      'exceeds what PostgreSQL allows (max_connections 20 − superuser_reserved_connections 3 = 17)',
    );
  });
});

describe('pgbouncerIni', () => {
  const ini = pgbouncerIni(plan);

  it('pools by transaction on loopback only, in front of the cluster’s database', () => {
    expect(ini).toContain('app = host=127.0.0.1 port=5433 dbname=app\n');
    expect(ini).toContain('listen_addr = 127.0.0.1\nlisten_port = 6432\n');
    expect(ini).toContain('pool_mode = transaction\n');
    expect(ini).toContain('auth_type = scram-sha-256\nauth_file = /srv/load/pgbouncer/userlist.txt\n');
  });

  it('writes the sizing out next to the settings that enforce it', () => {
    expect(ini).toMatch(/;;\s+10\s+× 2\s+= 20\s+≤\s+20\s+≤\s+100 − 3\n/);
    expect(ini).toContain('default_pool_size = 20\nmax_db_connections = 20\n');
  });
});

describe('authFileLine', () => {
  it('quotes user and secret, doubling quotes inside', () => {
    expect(authFileLine('app_runtime', 'SCRAM-SHA-256$4096:a"b')).toBe('"app_runtime" "SCRAM-SHA-256$4096:a""b"\n');
  });
});
