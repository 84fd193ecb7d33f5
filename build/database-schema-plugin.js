// Webpack plugin: collects every component's Prisma schema into prisma/schema/
// and regenerates the one Prisma Client when the collected content changed.
// See docs/architecture.md ("Schema pipeline").
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { collectSchemas } = require('./database-schema/collect-schemas');
const { runPrisma, PrismaCliError } = require('./database-schema/prisma-cli');
const { withSourceLocations } = require('./database-schema/source-locations');
const { writeSchemas } = require('./database-schema/write-schemas');
const { announceWrittenFiles, beforeEveryCompilation, reportToEveryCompilation } = require('./webpack/compilation-hooks');

const PLUGIN = 'DatabaseSchemaPlugin';

class DatabaseSchemaPlugin {
  /**
   * @param {object} [options]
   * @param {string} [options.projectRoot] where package.json and prisma.config.ts are
   * @param {string} [options.componentsDir] default `<root>/src/components`
   * @param {string} [options.schemaDir] default `<root>/prisma/schema`
   * @param {string} [options.hashFile] remembers what the client was generated from;
   *   kept inside the generated client so a reinstall (which deletes it) forces a generate
   * @param {(schemaDir: string) => Promise<unknown>} [options.generate] runs `prisma generate`
   */
  constructor(options = {}) {
    this.projectRoot = options.projectRoot ?? process.cwd();
    this.componentsDir = options.componentsDir ?? join(this.projectRoot, 'src', 'components');
    this.schemaDir = options.schemaDir ?? join(this.projectRoot, 'prisma', 'schema');
    this.hashFile = options.hashFile ?? join(this.projectRoot, 'node_modules', '.prisma', 'client', 'component-schemas.sha256');
    this.generate = options.generate ?? ((schemaDir) => runPrisma(['generate', '--schema', schemaDir], { cwd: this.projectRoot }));
  }

  apply(compiler) {
    const logger = compiler.getInfrastructureLogger(PLUGIN);
    let outcome = { errors: [], watched: [], missing: [] };

    beforeEveryCompilation(compiler, PLUGIN, async () => {
      outcome = await this.run(logger);
      // A regenerated client changes the types the TypeScript code is checked against.
      if (outcome.generated) announceWrittenFiles(compiler, [join(dirname(this.hashFile), 'index.d.ts')]);
    });

    reportToEveryCompilation(compiler, PLUGIN, this.componentsDir, () => outcome);
  }

  /** One build step, usable without webpack. @returns {Promise<{errors: string[], generated: boolean, watched: string[], missing: string[]}>} */
  async run(logger = console) {
    const collected = collectSchemas({ projectRoot: this.projectRoot, componentsDir: this.componentsDir });
    const watched = [...collected.sources.values()].map((source) => join(this.projectRoot, source));
    const base = { watched, missing: collected.missing, generated: false };
    // Invalid input changes nothing: the last good schema and client stay.
    if (collected.errors.length > 0) return { ...base, errors: collected.errors };

    const { removed } = writeSchemas(this.schemaDir, collected.files);
    if (removed.length > 0) logger.info(`removed stale schema copies: ${removed.join(', ')}`);
    if (this.readHash() === collected.hash) return { ...base, errors: [] };

    const started = Date.now();
    try {
      await this.generate(this.schemaDir);
    } catch (error) {
      const message = error instanceof PrismaCliError ? error.message : `prisma generate could not run: ${error.message}`;
      return { ...base, errors: [withSourceLocations(message, collected.sources)] };
    }
    this.writeHash(collected.hash);
    logger.info(`generated Prisma Client from ${collected.sources.size} component schema(s) in ${Date.now() - started} ms`);
    return { ...base, errors: [], generated: true };
  }

  readHash() {
    return existsSync(this.hashFile) ? readFileSync(this.hashFile, 'utf8').trim() : null;
  }

  writeHash(hash) {
    mkdirSync(dirname(this.hashFile), { recursive: true });
    writeFileSync(this.hashFile, hash + '\n');
  }
}

module.exports = { DatabaseSchemaPlugin };
