# syntax=docker/dockerfile:1
# The production image: docs/operations.md#docker. Two stages: `build` has the
# dev dependencies and the sources; `runtime` gets only what `node dist/main.js`
# (and `node dist/jobs.js`, the jobs command) and `npx prisma migrate deploy` read.

# The Node.js the development machines run; bump both together.
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
COPY package.json package-lock.json ./
# No install scripts, as on the development machines: nothing here needs one
# (the build generates the Prisma Client itself), and @prisma/client's
# postinstall would try to generate before the schema is collected.
RUN npm ci --ignore-scripts
COPY . .
# Collects the component schemas into prisma/schema/, generates the Prisma
# Client into node_modules/.prisma/client, and bundles the server into dist/.
RUN npm run build
# Production dependencies only; the generated client in node_modules/.prisma
# is not a package and stays. webpack's cache is a build artefact.
RUN npm prune --omit=dev --ignore-scripts && rm -rf node_modules/.cache

FROM ${NODE_IMAGE} AS runtime
# HOST: listen on every interface of the container (the app's default
# outside production is loopback only). NO_COLOR: plain log lines for log
# collectors, without the terminal colour codes Nest adds otherwise.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 NO_COLOR=1 NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
# Owned by root and read-only for the app's user: the process cannot rewrite
# its own code. It writes nothing in production (CSRF_SECRET is required, so
# no .data/csrf-secret; SMTP_URL is required, so no mail files; no embedded
# PostgreSQL with DATABASE_URL set). Give it CSRF_SECRET, SMTP_URL and APP_URL
# when you run it (docs/operations.md#docker).
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# migrations/ (for `migrate deploy` and the readiness check) and schema/ (collected by the build).
COPY --from=build /app/prisma ./prisma
# `npx prisma migrate deploy` inside the image: a CLI configuration that needs
# production dependencies only (see the file), and the TypeScript files it
# imports, which the CLI transpiles as it loads them.
COPY --from=build /app/prisma.deploy.config.ts ./prisma.config.ts
COPY --from=build \
  /app/src/database/migration/cli-placeholder-url.ts \
  /app/src/database/migration/migration-adapter.factory.ts \
  /app/src/database/migration/migration-semicolons.ts \
  /app/src/database/migration/prisma-cli-setup.ts \
  ./src/database/migration/
COPY --from=build /app/src/database/runtime/migration-history.ts ./src/database/runtime/
# The CLI's vendor patches, their manifest and version check, the errors they throw.
COPY --from=build \
  /app/src/platform/vendor-patches/vendor-patches.manifest.ts \
  /app/src/platform/vendor-patches/vendor-patch-check.ts \
  /app/src/platform/vendor-patches/pg-catalog-types-as-text.patch.ts \
  /app/src/platform/vendor-patches/prisma-adapter-shadow-database.patch.ts \
  /app/src/platform/vendor-patches/prisma-adapter-url-advice.patch.ts \
  /app/src/platform/vendor-patches/prisma-query-engine-library.patch.ts \
  /app/src/platform/vendor-patches/prisma-schema-engine-wasm.patch.ts \
  /app/src/platform/vendor-patches/prisma-studio-query-engine.patch.ts \
  ./src/platform/vendor-patches/
COPY --from=build \
  /app/src/platform/errors/configuration.error.ts \
  /app/src/platform/errors/vendor-patch.error.ts \
  ./src/platform/errors/
# The unprivileged user of the official Node.js images (uid 1000).
USER node
EXPOSE 3000
# Liveness only (no database): a database outage must not get the container
# restarted. Node's own fetch, since slim images have no curl.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/health/live`, { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is the container's main process and receives SIGTERM from
# `docker stop` itself (a shell form would put /bin/sh in between, which does
# not forward it). The app starts no child processes with DATABASE_URL set,
# so nothing needs reaping; `docker run --init` adds tini if that changes.
CMD ["node", "--enable-source-maps", "dist/main.js"]
