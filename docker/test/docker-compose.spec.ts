import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

// docker-compose.yml read as Compose reads it (YAML), without the docker CLI,
// which CI does not have. What it asserts is what `docker compose up` does
// for a user; docs/operations.md#docker says what was validated and how.

interface Service {
  image?: string;
  build?: string | { context: string; dockerfile?: string };
  command?: string[];
  profiles?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  restart?: string;
  stop_grace_period?: string;
}

const root = resolve(__dirname, '..', '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };
const { postgres, migrate, app } = compose.services;
const initScript = readFileSync(join(root, 'docker', 'postgres', 'init-runtime-role.sh'), 'utf8');

/** The parts of a connection string a reader compares. */
function connection(url: string | undefined) {
  const parsed = new URL(url ?? '');
  return { user: parsed.username, password: parsed.password, host: parsed.hostname, port: parsed.port, database: parsed.pathname.slice(1) };
}

describe('docker-compose.yml', () => {
  it('starts PostgreSQL alone on `docker compose up`, as the README and .env.example expect', () => {
    const always = Object.entries(compose.services).filter(([, service]) => !service.profiles?.length);
    expect(always.map(([name]) => name)).toEqual(['postgres']);
    expect(postgres.ports).toEqual(['127.0.0.1:5432:5432']);
    expect(app.profiles).toEqual(['app']);
    expect(migrate.profiles).toEqual(['app']);
  });

  it('builds the app and the migration step from the Dockerfile, as one image', () => {
    expect(app.build).toBe('.');
    expect(migrate.build).toBe(app.build);
    expect(migrate.image).toBe(app.image);
  });

  it('starts the app only once PostgreSQL is healthy and the migrations completed', () => {
    expect(postgres.healthcheck?.test).toEqual(expect.arrayContaining([expect.stringContaining('pg_isready')]));
    expect(migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(app.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      migrate: { condition: 'service_completed_successfully' },
    });
    // A one-shot step: restarted, it would run again after succeeding.
    expect(migrate.restart).toBe('no');
  });

  it('migrates as the owner role PostgreSQL was initialised with', () => {
    // The tables, then the job queue schema; `&&`: a failed Prisma deploy stops the step with its exit code.
    expect(migrate.command).toEqual(['sh', '-c', 'npx prisma migrate deploy && node dist/jobs.js migrate']);
    const env = postgres.environment ?? {};
    expect(connection(migrate.environment?.MIGRATION_DATABASE_URL)).toEqual({
      user: env.POSTGRES_USER,
      password: env.POSTGRES_PASSWORD,
      host: 'postgres',
      port: '5432',
      database: env.POSTGRES_DB,
    });
  });

  it('serves as the DML-only runtime role the init script creates, and never holds the owner password', () => {
    const runtimeRole = /CREATE ROLE (\w+) LOGIN PASSWORD '\$\{APP_RUNTIME_PASSWORD\}'/.exec(initScript)?.[1];
    expect(runtimeRole).toBeDefined();
    const env = postgres.environment ?? {};
    expect(connection(app.environment?.DATABASE_URL)).toEqual({
      user: runtimeRole,
      password: env.APP_RUNTIME_PASSWORD,
      host: 'postgres',
      port: '5432',
      database: env.POSTGRES_DB,
    });
    expect(app.environment).not.toHaveProperty('MIGRATION_DATABASE_URL');
    expect(Object.values(app.environment ?? {})).not.toContainEqual(expect.stringContaining(env.POSTGRES_PASSWORD));
  });

  it('runs the app in production with the CSRF_SECRET of the shell or .env, none committed', () => {
    expect(app.environment?.NODE_ENV).toBe('production');
    expect(app.environment?.CSRF_SECRET).toMatch(/^\$\{CSRF_SECRET(:-)?\}$/);
  });

  it('sends mail through the SMTP_URL of the shell or .env, none committed, with links on APP_URL', () => {
    expect(app.environment?.SMTP_URL).toMatch(/^\$\{SMTP_URL(:-)?\}$/);
    expect(app.environment?.APP_URL).toBe('${APP_URL:-http://localhost:3000}');
  });

  it("publishes the app on loopback port 3000 and keeps the image's healthcheck", () => {
    expect(app.ports).toEqual(['127.0.0.1:3000:3000']);
    expect(app.healthcheck).toBeUndefined();
  });

  it('gives in-flight requests longer than the default 10 s between SIGTERM and SIGKILL', () => {
    const seconds = Number(/^(\d+)s$/.exec(app.stop_grace_period ?? '')?.[1]);
    expect(seconds).toBeGreaterThan(10);
  });
});
