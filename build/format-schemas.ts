// `npm run format` (after Prettier) formats every component schema with
// Prisma's formatter; `npm run lint` runs it with --check, which changes
// nothing and fails on a schema that is not formatted, naming it and the fix.
import { formatComponentSchemas, unformattedSchemaLines } from './database-schema/component-schema-format';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const { unformatted } = await formatComponentSchemas(process.cwd(), { write: !check });
  if (check && unformatted.length > 0) {
    console.error(unformattedSchemaLines(unformatted).join('\n'));
    process.exit(1);
  }
  for (const file of unformatted) console.log(`formatted ${file}`);
}

main().catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
