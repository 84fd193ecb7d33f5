// Collect + write in one call, for callers other than the webpack plugin
// (prisma.config.ts refreshes the copies before every Prisma CLI command, so
// `npx prisma migrate dev` sees a component schema edited since the last build).
const { join } = require('node:path');
const { collectSchemas } = require('./collect-schemas');
const { writeSchemas } = require('./write-schemas');

function syncSchemaCopies(projectRoot) {
  const collected = collectSchemas({ projectRoot, componentsDir: join(projectRoot, 'src', 'components') });
  if (collected.errors.length === 0) writeSchemas(join(projectRoot, 'prisma', 'schema'), collected.files);
  return collected;
}

module.exports = { syncSchemaCopies };
