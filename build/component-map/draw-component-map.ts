// Writes docs/component-map.md from the component metadata alone, without the
// rest of the build (no Prisma client): for a project copy whose client must
// not be regenerated, such as the migrate workflow tests' fixture project. The
// build and `npm run generate` redraw it anyway.
//
//   npx tsx build/component-map/draw-component-map.ts
import { join } from 'node:path';
import { writeIfChanged } from '../output/write-if-changed';
import { COMPONENT_MAP_FILE, renderCurrentComponentMap } from './current-component-map';

const projectRoot = process.cwd();
const { content, errors } = renderCurrentComponentMap(projectRoot);
if (content === undefined) {
  console.error(`error: cannot draw the component map: the components are invalid:\n${errors.join('\n')}`);
  process.exit(1);
}
const changed = writeIfChanged(join(projectRoot, COMPONENT_MAP_FILE), content);
console.log(changed ? `wrote ${COMPONENT_MAP_FILE}` : `${COMPONENT_MAP_FILE} is up to date`);
