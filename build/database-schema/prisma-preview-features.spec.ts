import { PRISMA_PREVIEW_FEATURES } from '../../src/platform/prisma-preview-features';
import { renderMainSchema } from './collect-schemas';

type Internals = typeof import('@prisma/internals');

/** Prisma's own reading of a main.prisma: its generator's preview features and warnings, or its validation error. */
async function prismaConfigOf(previewFeatures: string[]) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded for this file only, as the build does
  const { getConfig } = require('@prisma/internals') as Internals;
  return getConfig({
    datamodel: [['main.prisma', renderMainSchema(previewFeatures)]],
    ignoreEnvVarErrors: true,
  });
}

// The list a component's prismaPreviewFeatures is checked against is a copy of
// what the installed Prisma knows; it must move with the version.
describe('the preview features a component may ask for', () => {
  it('are exactly the ones the installed Prisma lists as known', async () => {
    const error = await prismaConfigOf(['notAPreviewFeature']).then(
      () => new Error('Prisma accepted an unknown preview feature'),
      (rejection: Error) => rejection,
    );

    const known = /Expected one of: ([^\n]+)/.exec(error.message)?.[1].split(', ');
    expect(known).toEqual([...PRISMA_PREVIEW_FEATURES]);
  });

  it('are all accepted together in the generated main.prisma', async () => {
    const config = await prismaConfigOf([...PRISMA_PREVIEW_FEATURES]);

    expect(config.generators[0].previewFeatures).toEqual([...PRISMA_PREVIEW_FEATURES].sort());
  });
});
