import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Table and enum name -> component id, from the collected copies in
 * prisma/schema/ (`<component>.prisma`; main.prisma holds no models). Both the
 * model name and its `@@map` name count: Prisma's migration summary prints
 * the database name.
 */
export function readSchemaOwners(schemaDir: string): Map<string, string> {
  const owners = new Map<string, string>();
  if (!existsSync(schemaDir)) return owners;
  for (const file of readdirSync(schemaDir).filter((name) => name.endsWith('.prisma') && name !== 'main.prisma')) {
    const component = basename(file, '.prisma');
    const text = readFileSync(join(schemaDir, file), 'utf8');
    for (const block of text.matchAll(/^(?:model|enum|view)\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
      owners.set(block[1], component);
      const mapped = /@@map\(\s*(?:name:\s*)?"([^"]+)"/.exec(block[2]);
      if (mapped) owners.set(mapped[1], component);
    }
  }
  return owners;
}
