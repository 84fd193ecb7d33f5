// Webpack plugin: discovers src/components/*/component.meta.ts, validates
// every component and generates src/generated/component-registry.ts (metadata
// and navigation) and src/generated/components.module.ts (imported by
// AppModule). See docs/guides/components.md.
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { collectComponents } = require('./component-discovery/collect-components');
const { announceWrittenFiles, beforeEveryCompilation, reportToEveryCompilation } = require('./webpack/compilation-hooks');

const PLUGIN = 'ComponentDiscoveryPlugin';

class ComponentDiscoveryPlugin {
  /** @param {{ projectRoot?: string, componentsDir?: string, outputDir?: string }} [options] */
  constructor(options = {}) {
    this.projectRoot = options.projectRoot ?? process.cwd();
    this.componentsDir = options.componentsDir ?? join(this.projectRoot, 'src', 'components');
    this.outputDir = options.outputDir ?? join(this.projectRoot, 'src', 'generated');
  }

  apply(compiler) {
    let outcome = { errors: [], watched: [], missing: [] };
    beforeEveryCompilation(compiler, PLUGIN, async () => {
      outcome = this.run();
      announceWrittenFiles(compiler, outcome.written);
    });
    reportToEveryCompilation(compiler, PLUGIN, this.componentsDir, () => outcome);
  }

  /** One discovery pass; writes the generated files only when valid and changed. */
  run() {
    const collected = collectComponents({ projectRoot: this.projectRoot, componentsDir: this.componentsDir });
    const written = [];
    if (collected.errors.length === 0) {
      mkdirSync(this.outputDir, { recursive: true });
      for (const [name, content] of collected.files) {
        const target = join(this.outputDir, name);
        if (existsSync(target) && readFileSync(target, 'utf8') === content) continue;
        writeFileSync(target, content);
        written.push(target);
      }
    }
    return { ...collected, written };
  }
}

module.exports = { ComponentDiscoveryPlugin };
