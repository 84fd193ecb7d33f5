// Types for the JavaScript plugin, for TypeScript callers (jest.globalSetup.ts, specs).
import type { Compiler } from 'webpack';

export interface DatabaseSchemaPluginOptions {
  projectRoot?: string;
  componentsDir?: string;
  schemaDir?: string;
  hashFile?: string;
  generate?: (schemaDir: string) => Promise<unknown>;
}

export interface DatabaseSchemaRun {
  errors: string[];
  generated: boolean;
  watched: string[];
  missing: string[];
}

export class DatabaseSchemaPlugin {
  constructor(options?: DatabaseSchemaPluginOptions);
  apply(compiler: Compiler): void;
  run(logger?: { info(message: string): void }): Promise<DatabaseSchemaRun>;
}
