// Run after tsc: copies the tree-sitter query files next to the compiled parser (<outDir>/python/queries), and
// writes <outDir>/build-id.json, a hash of src/: the caches are versioned with it, so a development build never
// reads what another build of the same version stored.
// Usage: node scripts/copy-assets.js [outDir]   (default: dist)
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = resolve(root, process.argv[2] ?? 'dist');
const to = join(outDir, 'python', 'queries');
mkdirSync(to, { recursive: true });
cpSync(join(root, 'src', 'python', 'queries'), to, { recursive: true });

const hash = createHash('sha1');
const sources = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => join(entry.parentPath, entry.name))
  .sort();
for (const file of sources) hash.update(`${file.slice(root.length)}\0`).update(readFileSync(file));
writeFileSync(join(outDir, 'build-id.json'), `${JSON.stringify({ id: hash.digest('hex').slice(0, 10) })}\n`);
