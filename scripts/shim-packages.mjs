#!/usr/bin/env node
// Writes library shims (src/extract/shims/, built to dist/) as the Python packages they stand for, so that the
// oracle can import a golden case's library from them: each shim's source as its module's __init__.py, each other
// dotted name it is exported under as an import from that module. Usage (after `npm run build`):
//   node scripts/shim-packages.mjs OUTDIR SHIM_FILE...   e.g. advanced-alchemy (dist/extract/shims/advanced-alchemy.js)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [outDir, ...files] = process.argv.slice(2);
if (!outDir || files.length === 0) {
  console.error('usage: shim-packages.mjs OUTDIR SHIM_FILE...');
  process.exit(2);
}
const shimsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'extract', 'shims');
const modules = new Map();
const lines = (name) => modules.get(name) ?? (modules.set(name, []), modules.get(name));
for (const file of files) {
  const exported = await import(pathToFileURL(join(shimsDir, `${file}.js`)).href);
  for (const shim of Object.values(exported)) {
    if (typeof shim?.module !== 'string' || typeof shim.source !== 'string') continue;
    lines(shim.module).unshift(shim.source);
    for (const name of shim.exports) {
      const module = name.slice(0, name.lastIndexOf('.'));
      if (module !== shim.module) lines(module).push(`from ${shim.module} import ${name.slice(module.length + 1)}`);
    }
  }
}
for (const name of [...modules.keys()]) {
  const parts = name.split('.');
  for (let i = 1; i < parts.length; i++) lines(parts.slice(0, i).join('.'));
}
for (const [name, text] of modules) {
  const dir = join(outDir, ...name.split('.'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '__init__.py'), `${text.join('\n')}\n`);
}
