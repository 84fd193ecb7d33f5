// The one place that writes prisma/schema/. Files whose content is unchanged
// are left alone, so their timestamps do not wake watchers.
const { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

/** @returns {{ written: string[], removed: string[] }} */
function writeSchemas(schemaDir, files) {
  mkdirSync(schemaDir, { recursive: true });
  const written = [];
  const removed = [];
  for (const [name, content] of files) {
    const target = join(schemaDir, name);
    if (existsSync(target) && readFileSync(target, 'utf8') === content) continue;
    writeFileSync(target, content);
    written.push(name);
  }
  for (const name of readdirSync(schemaDir)) {
    if (name.endsWith('.prisma') && !files.has(name)) {
      rmSync(join(schemaDir, name));
      removed.push(name);
    }
  }
  return { written, removed };
}

module.exports = { writeSchemas };
