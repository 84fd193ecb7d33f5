import { join } from 'node:path';
import { ComponentSources, undeclaredComponentImports } from './declared-dependencies';

const root = '/project';
const componentsDir = join(root, 'src', 'components');
const component = (id: string, dependsOn: string[], files: Record<string, string>): ComponentSources => ({
  id,
  dependsOn,
  files: new Map(Object.entries(files).map(([name, source]) => [join(componentsDir, id, name), source])),
});

describe('imports of another component (npm run lint)', () => {
  it('are refused without dependsOn, naming the file, the line and the fix', () => {
    const notes = component('notes', [], {
      'component.controller.tsx': "import { Controller } from '@nestjs/common';\nimport { RequireUser } from '../accounts';\n",
      'test/notes.spec.ts': "const { signInHref } = require('../../accounts/index');\n",
    });

    expect(undeclaredComponentImports(root, componentsDir, [notes])).toEqual([
      `src/components/notes/component.controller.tsx:2: imports the "accounts" component ('../accounts'), but src/components/notes/component.meta.ts does not declare it; add dependsOn: ['accounts'] there`,
      `src/components/notes/test/notes.spec.ts:1: imports the "accounts" component ('../../accounts/index'), but src/components/notes/component.meta.ts does not declare it; add dependsOn: ['accounts'] there`,
    ]);
  });

  it('are accepted when dependsOn declares the component, as are imports within the component and of the platform', () => {
    const notes = component('notes', ['accounts'], {
      'component.controller.tsx': [
        "import { RequireUser } from '../accounts';",
        "import { renderPage } from '../../ssr/render-page';",
        "import { NotesService } from './component.service';",
        "import type { Note } from './component.types';",
      ].join('\n'),
    });

    expect(undeclaredComponentImports(root, componentsDir, [notes])).toEqual([]);
  });
});
