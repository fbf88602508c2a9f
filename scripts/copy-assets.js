// Copies the tree-sitter query files next to the compiled parser (<outDir>/python/queries), run after tsc.
// Usage: node scripts/copy-assets.js [outDir]   (default: dist)
import { cpSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const to = join(resolve(root, process.argv[2] ?? 'dist'), 'python', 'queries');
mkdirSync(to, { recursive: true });
cpSync(join(root, 'src', 'python', 'queries'), to, { recursive: true });
