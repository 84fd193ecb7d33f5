// `npm run generate`: the build's code generation without a webpack build
// (for type-checking, editors and tests): component registry and module,
// collected Prisma schema and client. Each step is a no-op when unchanged.
const { ComponentDiscoveryPlugin } = require('./component-discovery-plugin');
const { DatabaseSchemaPlugin } = require('./database-schema-plugin');

async function generate(logger = { info: (message) => console.log(message) }) {
  const errors = [...new ComponentDiscoveryPlugin().run().errors];
  errors.push(...(await new DatabaseSchemaPlugin().run(logger)).errors);
  return errors;
}

if (require.main === module) {
  generate().then((errors) => {
    if (errors.length === 0) return;
    console.error(errors.join('\n'));
    process.exit(1);
  });
}

module.exports = { generate };
