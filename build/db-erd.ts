// `npm run db:erd`: writes docs/data-model.md, the Mermaid ER diagrams of the
// application and of each component (see docs/guides/database.md).
import { join } from 'node:path';
import { writeIfChanged } from './output/write-if-changed';
import { DATA_MODEL_FILE, renderCurrentDataModel } from './data-model/current-data-model';

async function main(): Promise<void> {
  const projectRoot = process.cwd();
  const { content, errors } = await renderCurrentDataModel(projectRoot);
  if (content === undefined) throw new Error(`cannot draw the data model: the components are invalid:\n${errors.join('\n')}`);
  const changed = writeIfChanged(join(projectRoot, DATA_MODEL_FILE), content);
  console.log(changed ? `wrote ${DATA_MODEL_FILE}` : `${DATA_MODEL_FILE} is up to date`);
}

main().catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
