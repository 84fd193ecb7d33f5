import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { currentInputs, forgetBuild, isUpToDate, recordBuild } from './build-stamp';

const ARGS = ['--mode', 'production'];

/** A project tree with one file of every kind the stamp reads, as a successful build left it. */
function makeBuiltProject() {
  const root = mkdtempSync(join(tmpdir(), 'build-stamp-spec-'));
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  write('src/main.ts', 'bootstrap();');
  write('src/components/demo/component.meta.ts', 'export default {};');
  write('src/generated/component-registry.ts', '// generated');
  write('build/generate.ts', '// build code');
  write('package.json', '{}');
  write('package-lock.json', '{}');
  write('webpack.config.js', 'module.exports = {};');
  write('tsconfig.json', '{}');
  write('tsconfig.build.json', '{}');
  write('node_modules/.prisma/client/component-schemas.sha256', 'abc\n');
  write('prisma/schema/demo.prisma', 'model DemoPost {}');
  write('dist/main.js', 'bundle');
  recordBuild(root, currentInputs(root, ARGS));
  return { root, write, remove: (path: string) => rmSync(join(root, path), { recursive: true }) };
}

describe('build stamp', () => {
  let project: ReturnType<typeof makeBuiltProject>;

  beforeEach(() => {
    project = makeBuiltProject();
  });

  afterEach(() => rmSync(project.root, { recursive: true, force: true }));

  it('calls an untouched tree up to date', () => {
    expect(isUpToDate(project.root, ARGS)).toBe(true);
  });

  it('calls a tree whose files were rewritten with the same content up to date', () => {
    project.write('src/main.ts', 'bootstrap();');
    expect(isUpToDate(project.root, ARGS)).toBe(true);
  });

  it.each([
    ['a source file is edited', (p: typeof project) => p.write('src/main.ts', 'bootstrap(); // edited')],
    ['a component file is added', (p: typeof project) => p.write('src/components/blog/component.meta.ts', 'export default {};')],
    ['a source file is deleted', (p: typeof project) => p.remove('src/components/demo/component.meta.ts')],
    ['build code changes', (p: typeof project) => p.write('build/generate.ts', '// changed')],
    ['the lock file changes', (p: typeof project) => p.write('package-lock.json', '{"lockfileVersion":3}')],
    ['the webpack config changes', (p: typeof project) => p.write('webpack.config.js', 'module.exports = { mode: "none" };')],
    ['npm ci removed the generated Prisma Client', (p: typeof project) => p.remove('node_modules/.prisma')],
    ['the bundle is deleted', (p: typeof project) => p.remove('dist/main.js')],
    ['the bundle was rewritten by another build (npm run dev)', (p: typeof project) => p.write('dist/main.js', 'development bundle')],
    ['a generated file is deleted', (p: typeof project) => p.remove('src/generated/component-registry.ts')],
    ['a collected schema copy is deleted', (p: typeof project) => p.remove('prisma/schema/demo.prisma')],
  ])('rebuilds when %s', (_, change) => {
    change(project);
    expect(isUpToDate(project.root, ARGS)).toBe(false);
  });

  it('rebuilds for other webpack arguments', () => {
    expect(isUpToDate(project.root, ['--mode', 'development'])).toBe(false);
  });

  it('rebuilds when there is no stamp, as after a failed or interrupted build', () => {
    forgetBuild(project.root);
    expect(isUpToDate(project.root, ARGS)).toBe(false);
  });

  it('rebuilds when a file changed during the build, since the inputs are hashed before it starts', () => {
    const before = currentInputs(project.root, ARGS);
    project.write('src/main.ts', 'bootstrap(); // saved while webpack ran');
    recordBuild(project.root, before);
    expect(isUpToDate(project.root, ARGS)).toBe(false);
  });

  it('rebuilds when the stamp is damaged', () => {
    project.write('node_modules/.cache/component-platform/build-stamp.json', '{"command":');
    expect(isUpToDate(project.root, ARGS)).toBe(false);
  });
});
