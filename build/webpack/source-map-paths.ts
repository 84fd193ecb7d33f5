import { isAbsolute, relative, sep } from 'node:path';

interface ModuleFilenameInfo {
  absoluteResourcePath: string;
  resourcePath: string;
}

/**
 * webpack's `output.devtoolModuleFilenameTemplate`: each source in the map is
 * named relative to the map (`../src/main.ts` from `dist/main.js.map`), as the
 * source map format resolves it. Node (`--enable-source-maps`) then prints the
 * absolute, clickable path of the .ts file wherever the project lives, and the
 * map names no build machine's folders. webpack's own runtime code keeps a
 * `webpack:///` name.
 */
export function sourcePathsRelativeTo(outputPath: string): (info: ModuleFilenameInfo) => string {
  return (info) =>
    isAbsolute(info.absoluteResourcePath)
      ? relative(outputPath, info.absoluteResourcePath).split(sep).join('/')
      : `webpack:///${info.resourcePath}`;
}
