import { join } from 'node:path';
import { assertVendorPatch, installedPackageDir, VendorPatchCheckOptions } from './vendor-patch-check';

/**
 * main.prisma uses engineType = "client", which needs no native query engine.
 * But when the Prisma 6.19 CLI cannot parse the schema (a syntax error in a
 * component schema) it assumes the native engine and downloads it before
 * reporting the error; offline, the download's network error replaces
 * Prisma's message. Pointing the CLI's private `PRISMA_QUERY_ENGINE_LIBRARY`
 * at an existing file skips that download; nothing ever loads it, since a
 * schema that parses says "client" and one that does not stops the command
 * first (manifest entry "prisma-query-engine-library"). An operator's own
 * value is kept.
 */
export function skipQueryEngineDownload(env: NodeJS.ProcessEnv, options: VendorPatchCheckOptions = {}): void {
  assertVendorPatch('prisma-query-engine-library', options);
  env.PRISMA_QUERY_ENGINE_LIBRARY ||= join(installedPackageDir('prisma', options)!, 'package.json');
}
