import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import webpack, { type Stats } from 'webpack';

import { DatabaseSchemaPlugin, type DatabaseSchemaRun as RunResult } from './database-schema-plugin';

const repoRoot = resolve(__dirname, '..');
const silentLogger = { info: () => {} };
const blogSchema = 'model Post {\n  id    Int    @id @default(autoincrement())\n  title String\n}\n';
const shopSchema = 'model Product {\n  id    Int @id\n  price Int\n}\n';

/** A throw-away project: src/components/<id>/prisma/schema.prisma in, prisma/schema/ out. */
function makeProject(parent: string) {
  const root = mkdtempSync(join(parent, 'tmp-plugin-spec-'));
  const componentsDir = join(root, 'src', 'components');
  const schemaDir = join(root, 'prisma', 'schema');
  const copy = (name: string) => readFileSync(join(schemaDir, name), 'utf8');
  const writeComponent = (id: string, schema: string) => {
    mkdirSync(join(componentsDir, id, 'prisma'), { recursive: true });
    writeFileSync(join(componentsDir, id, 'prisma', 'schema.prisma'), schema);
  };
  const outputDir = join(root, 'src', 'generated');
  return { root, componentsDir, schemaDir, outputDir, hashFile: join(root, 'client', 'component-schemas.sha256'), copy, writeComponent };
}

/** One webpack build, closed afterwards as the CLI does. */
async function build(config: webpack.Configuration): Promise<Stats> {
  const compiler = webpack(config);
  if (!compiler) throw new Error('webpack rejected the configuration');
  try {
    return await new Promise<Stats>((done, fail) =>
      compiler.run((error, stats) => (error || !stats ? fail(error ?? new Error('webpack gave no result')) : done(stats))),
    );
  } finally {
    await new Promise((done) => compiler.close(done));
  }
}

describe('DatabaseSchemaPlugin', () => {
  let project: ReturnType<typeof makeProject>;
  let generateCalls: number;
  let plugin: { run(logger: typeof silentLogger): Promise<RunResult> };

  beforeEach(() => {
    project = makeProject(tmpdir());
    generateCalls = 0;
    const { root: projectRoot, componentsDir, schemaDir, hashFile } = project;
    plugin = new DatabaseSchemaPlugin({
      projectRoot,
      componentsDir,
      schemaDir,
      hashFile,
      generate: () => Promise.resolve(void generateCalls++),
    });
  });

  afterEach(() => rmSync(project.root, { recursive: true, force: true }));

  it('copies every component schema under a GENERATED header naming its source, beside main.prisma', async () => {
    project.writeComponent('blog', blogSchema);
    project.writeComponent('shop', shopSchema);

    const result = await plugin.run(silentLogger);

    expect(result.errors).toEqual([]);
    expect(readdirSync(project.schemaDir).sort()).toEqual(['blog.prisma', 'main.prisma', 'shop.prisma']);
    for (const [id, source] of [
      ['blog', blogSchema],
      ['shop', shopSchema],
    ]) {
      const [header, ...rest] = project.copy(`${id}.prisma`).split('\n');
      expect(header).toMatch(/^\/\/ GENERATED\b/);
      expect(header).toContain(`src/components/${id}/prisma/schema.prisma`);
      expect(rest.join('\n')).toBe(source);
    }
  });

  it('ignores a component without a schema and watches the path where one would appear', async () => {
    project.writeComponent('blog', blogSchema);
    mkdirSync(join(project.componentsDir, 'notes'), { recursive: true });

    const result = await plugin.run(silentLogger);

    expect(readdirSync(project.schemaDir).sort()).toEqual(['blog.prisma', 'main.prisma']);
    expect(result.missing).toEqual([join(project.componentsDir, 'notes', 'prisma', 'schema.prisma')]);
  });

  it('removes the copy of a component whose folder was deleted', async () => {
    project.writeComponent('blog', blogSchema);
    project.writeComponent('shop', shopSchema);
    await plugin.run(silentLogger);

    rmSync(join(project.componentsDir, 'shop'), { recursive: true });
    const result = await plugin.run(silentLogger);

    expect(result.errors).toEqual([]);
    expect(readdirSync(project.schemaDir).sort()).toEqual(['blog.prisma', 'main.prisma']);
  });

  it('rejects a datasource and a generator block at once, naming file, line and fix, and writes nothing', async () => {
    project.writeComponent(
      'blog',
      `${blogSchema}\ndatasource db {\n  provider = "sqlite"\n}\n\ngenerator client {\n  provider = "prisma-client-js"\n}\n`,
    );

    const result = await plugin.run(silentLogger);

    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]).toMatch(/^src\/components\/blog\/prisma\/schema\.prisma:6: .*datasource.*; remove the block/);
    expect(result.errors[1]).toMatch(/^src\/components\/blog\/prisma\/schema\.prisma:10: .*generator.*; remove the block/);
    expect(existsSync(project.schemaDir)).toBe(false);
    expect(generateCalls).toBe(0);
  });

  it('keeps the last good copy and client when a component schema becomes invalid', async () => {
    project.writeComponent('blog', blogSchema);
    await plugin.run(silentLogger);
    const goodCopy = project.copy('blog.prisma');

    project.writeComponent('blog', `datasource db {\n  provider = "postgresql"\n}\n${blogSchema}`);
    const result = await plugin.run(silentLogger);

    expect(result.errors).toEqual([expect.stringContaining('src/components/blog/prisma/schema.prisma:1: ')]);
    expect(project.copy('blog.prisma')).toBe(goodCopy);
    expect(generateCalls).toBe(1);
  });

  it('removes the copy and the models of a deleted component even while another component schema is invalid', async () => {
    project.writeComponent('blog', blogSchema);
    project.writeComponent('shop', shopSchema);
    await plugin.run(silentLogger);

    rmSync(join(project.componentsDir, 'shop'), { recursive: true });
    project.writeComponent('blog', `datasource db {\n  provider = "postgresql"\n}\n${blogSchema}`);
    const result = await plugin.run(silentLogger);

    expect(result.errors).toEqual([expect.stringContaining('src/components/blog/prisma/schema.prisma:1: ')]);
    expect(readdirSync(project.schemaDir).sort()).toEqual(['blog.prisma', 'main.prisma']);
    const models = readFileSync(join(project.outputDir, 'component-models.ts'), 'utf8');
    expect(models).not.toMatch(/shop|product/i);
    expect(models).toContain("'blog': 'post';");
  });

  it('keeps the models the client was generated with when Prisma rejects a schema, so no type names a model the client lacks', async () => {
    project.writeComponent('blog', blogSchema);
    await plugin.run(silentLogger);
    const rejecting = new DatabaseSchemaPlugin({
      projectRoot: project.root,
      componentsDir: project.componentsDir,
      schemaDir: project.schemaDir,
      hashFile: project.hashFile,
      generate: () => Promise.reject(new Error('Type "Strin" is neither a built-in type')),
    });

    project.writeComponent('shop', shopSchema.replace('price Int', 'price Strin'));
    project.writeComponent('blog', `${blogSchema}\nmodel BlogTag {\n  id Int @id\n}\n`);
    const result = await rejecting.run(silentLogger);

    expect(result.errors).toEqual([expect.stringContaining('Strin')]);
    const models = readFileSync(join(project.outputDir, 'component-models.ts'), 'utf8');
    expect(models).toContain("'blog': 'post';");
    expect(models).toContain("'shop': never;");
  });

  it('generates the client only when a collected schema changed', async () => {
    project.writeComponent('blog', blogSchema);

    expect((await plugin.run(silentLogger)).generated).toBe(true);
    expect(generateCalls).toBe(1);

    expect((await plugin.run(silentLogger)).generated).toBe(false);
    expect(generateCalls).toBe(1);

    project.writeComponent('blog', blogSchema.replace('title String', 'title String\n  body  String'));
    expect((await plugin.run(silentLogger)).generated).toBe(true);
    expect(generateCalls).toBe(2);
  });

  it('writes main.prisma with the PostgreSQL datasource and the client-engine generator', async () => {
    await plugin.run(silentLogger);
    const main = project.copy('main.prisma');

    expect(main.split('\n')[0]).toMatch(/^\/\/ GENERATED\b/);
    expect(main).toMatch(/^\s*provider\s*=\s*"postgresql"\s*$/m);
    expect(main).toMatch(/^\s*url\s*=\s*env\("DATABASE_URL"\)\s*$/m);
    expect(main).toMatch(/^\s*provider\s*=\s*"prisma-client-js"\s*$/m);
    expect(main).toMatch(/^\s*engineType\s*=\s*"client"\s*$/m);
  });

  it('fails the webpack build with the file:line of a component that declares a datasource, and with nothing else', async () => {
    project.writeComponent('blog', `${blogSchema}datasource db {\n  provider = "postgresql"\n}\n`);
    // A module that cannot be built while the schemas are invalid: it is not even resolved.
    writeFileSync(join(project.root, 'entry.js'), "module.exports = require('./not-generated-yet');\n");
    const { root: projectRoot, componentsDir, schemaDir, hashFile } = project;
    const stats = await build({
      mode: 'development',
      target: 'node',
      context: projectRoot,
      entry: join(projectRoot, 'entry.js'),
      output: { path: join(projectRoot, 'dist') },
      infrastructureLogging: { level: 'none' },
      plugins: [
        new DatabaseSchemaPlugin({
          projectRoot,
          componentsDir,
          schemaDir,
          hashFile,
          generate: () => Promise.resolve(void generateCalls++),
        }),
      ],
    });

    expect(stats.hasErrors()).toBe(true);
    const messages = stats.toJson({ errors: true }).errors?.map((e) => e.message);
    expect(messages).toEqual([
      expect.stringContaining('src/components/blog/prisma/schema.prisma:5: a component schema cannot declare a datasource'),
    ]);
    expect(generateCalls).toBe(0);
  });
});

describe('DatabaseSchemaPlugin with the real Prisma CLI', () => {
  // Inside the repository, so the CLI uses its prisma.config.ts and node_modules
  // and prints paths relative to it.
  let inRepo: ReturnType<typeof makeProject>;
  const realClientSchema = join(repoRoot, 'node_modules', '.prisma', 'client', 'schema.prisma');

  beforeEach(() => {
    mkdirSync(join(repoRoot, '.data'), { recursive: true });
    inRepo = makeProject(join(repoRoot, '.data'));
  });

  afterEach(() => rmSync(inRepo.root, { recursive: true, force: true }));

  it('reports a Prisma syntax error with the source line to edit first, then the copy Prisma names', async () => {
    const clientBefore = readFileSync(realClientSchema, 'utf8');
    inRepo.writeComponent('broken', 'model Broken {\n  id Int @id\n  name\n}\n');
    const { componentsDir, schemaDir, hashFile } = inRepo;
    // Its own outputDir: the repository's src/generated must keep the real components' types.
    const realPlugin = new DatabaseSchemaPlugin({
      projectRoot: repoRoot,
      componentsDir,
      schemaDir,
      hashFile,
      dataModelFile: null,
      outputDir: join(inRepo.root, 'generated'),
    });

    const result: RunResult = await realPlugin.run(silentLogger);

    expect(result.generated).toBe(false);
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    expect(error).toContain('Prisma schema validation');
    expect(error).toContain('This field declaration is invalid');
    expect(error).toContain(`${relative(repoRoot, schemaDir)}/broken.prisma:4`);
    expect(error.split('\n')[0]).toContain(`edit ${relative(repoRoot, componentsDir)}/broken/prisma/schema.prisma:3`);
    expect(error).not.toContain('binaries.prisma.sh');
    expect(existsSync(hashFile)).toBe(false);
    expect(readFileSync(realClientSchema, 'utf8')).toBe(clientBefore);
  });
});
