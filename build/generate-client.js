// `npm run generate`: collect component schemas and generate the Prisma Client
// without a full webpack build (for type-checking and editors). No-op when
// nothing changed.
const { DatabaseSchemaPlugin } = require('./database-schema-plugin');

new DatabaseSchemaPlugin()
  .run({ info: (message) => console.log(message) })
  .then(({ errors }) => {
    if (errors.length === 0) return;
    console.error(errors.join('\n'));
    process.exit(1);
  });
