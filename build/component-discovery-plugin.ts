// Webpack plugin: discovers src/components/*/component.meta.ts, validates
// every component and generates src/generated/component-registry.ts (metadata
// and navigation) and src/generated/components.module.ts (each module class by id,
// which AppModule composes). See docs/guides/components.md.
import { join } from 'node:path';
import type { Compiler } from 'webpack';
import { collectComponents, CollectedComponents } from './component-discovery/collect-components';
import { writeIfChanged } from './output/write-if-changed';
import { announceWrittenFiles, beforeEveryCompilation, BuildStepOutcome, reportToEveryCompilation } from './webpack/compilation-hooks';

const PLUGIN = 'ComponentDiscoveryPlugin';

export interface ComponentDiscoveryRun extends CollectedComponents {
  /** Absolute paths of the generated files this run rewrote. */
  written: string[];
}

export class ComponentDiscoveryPlugin {
  private readonly projectRoot: string;
  private readonly componentsDir: string;
  private readonly outputDir: string;

  constructor(options: { projectRoot?: string; componentsDir?: string; outputDir?: string } = {}) {
    this.projectRoot = options.projectRoot ?? process.cwd();
    this.componentsDir = options.componentsDir ?? join(this.projectRoot, 'src', 'components');
    this.outputDir = options.outputDir ?? join(this.projectRoot, 'src', 'generated');
  }

  /** Every folder this step writes: never edited by hand, so not watched (see webpack.config.js). */
  get outputs(): string[] {
    return [this.outputDir];
  }

  apply(compiler: Compiler): void {
    let outcome: BuildStepOutcome = { errors: [], watched: [], missing: [] };
    beforeEveryCompilation(compiler, PLUGIN, () => {
      const run = this.run();
      outcome = run;
      announceWrittenFiles(compiler, run.written);
      return Promise.resolve();
    });
    reportToEveryCompilation(compiler, PLUGIN, this.componentsDir, () => outcome);
  }

  /** What the last run read: each component's `dependsOn`, for the schema checks that run after it. */
  lastDependencies: ReadonlyMap<string, readonly string[]> = new Map();

  /** What the last run read: each component's preview features and name-prefix setting, for the schema build. */
  lastSchemaSettings: CollectedComponents['schemaSettings'] = new Map();

  /** What the last run found: every component folder, so the schema step does not scan the folder again. */
  lastFolders: string[] = [];

  /**
   * One discovery pass; writes the generated files when changed, failed or
   * not, so they never name a component whose folder is gone (a component
   * with an error is left out of them until it is fixed; see collect-components.ts).
   */
  run(): ComponentDiscoveryRun {
    const collected = collectComponents({ projectRoot: this.projectRoot, componentsDir: this.componentsDir });
    const written: string[] = [];
    for (const [name, content] of collected.files) {
      const target = join(this.outputDir, name);
      if (writeIfChanged(target, content)) written.push(target);
    }
    this.lastDependencies = collected.dependencies;
    this.lastSchemaSettings = collected.schemaSettings;
    this.lastFolders = collected.folders;
    return { ...collected, written };
  }
}
