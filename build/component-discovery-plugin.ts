// Webpack plugin: discovers src/components/*/component.meta.ts, validates
// every component and generates src/generated/component-registry.ts (metadata
// and navigation) and src/generated/components.module.ts (each module class by id,
// which AppModule composes), and redraws docs/component-map.md. See
// docs/guides/components.md.
import { join } from 'node:path';
import type { Compiler } from 'webpack';
import { collectComponents, CollectedComponents } from './component-discovery/collect-components';
import { COMPONENT_MAP_FILE, componentMapOf } from './component-map/current-component-map';
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
  private readonly componentMapFile: string | null;

  constructor(
    options: {
      projectRoot?: string;
      componentsDir?: string;
      outputDir?: string;
      /** docs/component-map.md, redrawn when the components are valid; null: never. Default `<root>/docs/component-map.md`. */
      componentMapFile?: string | null;
    } = {},
  ) {
    this.projectRoot = options.projectRoot ?? process.cwd();
    this.componentsDir = options.componentsDir ?? join(this.projectRoot, 'src', 'components');
    this.outputDir = options.outputDir ?? join(this.projectRoot, 'src', 'generated');
    this.componentMapFile = options.componentMapFile === undefined ? join(this.projectRoot, COMPONENT_MAP_FILE) : options.componentMapFile;
  }

  /** Every file and folder this step writes: never edited by hand, so not watched (see webpack.config.js). */
  get outputs(): string[] {
    return [this.outputDir, ...(this.componentMapFile ? [this.componentMapFile] : [])];
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
    // While a component has an error the build fails and the map keeps its last good drawing.
    const map = componentMapOf(collected).content;
    if (this.componentMapFile && map !== undefined) writeIfChanged(this.componentMapFile, map);
    this.lastDependencies = collected.dependencies;
    this.lastSchemaSettings = collected.schemaSettings;
    this.lastFolders = collected.folders;
    return { ...collected, written };
  }
}
