// Types for the JavaScript plugin, for TypeScript callers (jest.globalSetup.ts, specs).
import type { Compiler } from 'webpack';

export interface ComponentDiscoveryRun {
  errors: string[];
  files: Map<string, string>;
  watched: string[];
  missing: string[];
  /** Absolute paths of the generated files this run rewrote. */
  written: string[];
}

export class ComponentDiscoveryPlugin {
  constructor(options?: { projectRoot?: string; componentsDir?: string; outputDir?: string });
  apply(compiler: Compiler): void;
  run(): ComponentDiscoveryRun;
}
