#!/bin/sh
# Runs once, when the volume is first initialised. Creates the runtime role
# with SELECT/INSERT/UPDATE/DELETE only, also on tables created later by the
# owner (default privileges), the same split as the embedded cluster.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE app_runtime LOGIN PASSWORD '${APP_RUNTIME_PASSWORD}';
REVOKE ALL ON DATABASE ${POSTGRES_DB} FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE ${POSTGRES_DB} TO app_runtime;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO app_runtime;
ALTER DEFAULT PRIVILEGES FOR ROLE ${POSTGRES_USER} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO app_runtime;
ALTER DEFAULT PRIVILEGES FOR ROLE ${POSTGRES_USER} GRANT USAGE, SELECT ON SEQUENCES TO app_runtime;
-- npx prisma migrate reset drops public and creates it again as the owner: keep USAGE on it.
ALTER DEFAULT PRIVILEGES FOR ROLE ${POSTGRES_USER} GRANT USAGE ON SCHEMAS TO app_runtime;
SQL
