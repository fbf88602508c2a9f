// Broken and odd input never crashes the extractor: the fixture projects, cut, spliced and garbled the way a
// half-written edit leaves a file (a seeded generator, so a failure reproduces), must each give a schema and
// diagnostics with file and line, never a thrown error.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSchema } from '../src/extract/index.js';
import { readWorktreeFiles } from '../src/git/worktree.js';
import type { SourceFile } from '../src/git/types.js';
import { MODELS_DIR, listCaseDirs } from './helpers/golden-cases.js';

const CASES = 1500;
const INSERTS = ['(', ')', ':', '"', "'", '[', ']', ',', '=', '.', '\n', '\t', '\\', '#', '"""', '*', '**', '@', 'lambda', 'async ', 'yield ', 'class', 'def', 'return', 'else:', 'match', 'await '];

/** A linear congruential generator: the same seed gives the same edits on every machine. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

function mutate(text: string, random: () => number): string {
  const lines = text.split('\n');
  const at = Math.floor(random() * lines.length);
  const pos = Math.floor(random() * text.length);
  switch (Math.floor(random() * 7)) {
    case 0:
      lines.splice(at, 1);
      return lines.join('\n');
    case 1:
      return text.slice(0, pos);
    case 2:
      return text.slice(0, pos) + INSERTS[Math.floor(random() * INSERTS.length)] + text.slice(pos);
    case 3:
      return text.slice(0, pos) + text.slice(pos + 1 + Math.floor(random() * 20));
    case 4:
      lines[at] = `    ${lines[at]}`;
      return lines.join('\n');
    case 5: {
      const other = Math.floor(random() * lines.length);
      [lines[at], lines[other]] = [lines[other]!, lines[at]!];
      return lines.join('\n');
    }
    default:
      lines.splice(at, 0, lines[Math.floor(random() * lines.length)]!);
      return lines.join('\n');
  }
}

describe('mutated model projects', () => {
  it(`extracts ${CASES} seeded mutations of the fixture projects without throwing`, async () => {
    const projects = await Promise.all(listCaseDirs(MODELS_DIR).map((name) => readWorktreeFiles(join(MODELS_DIR, name))));
    const random = generator(3);
    const failures: string[] = [];
    for (let n = 0; n < CASES; n++) {
      const files: SourceFile[] = projects[Math.floor(random() * projects.length)]!.map((f) => ({ ...f }));
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        const file = files[Math.floor(random() * files.length)]!;
        file.text = mutate(file.text, random);
      }
      try {
        const { schema } = await extractSchema(files, { dialect: 'postgresql' });
        for (const d of schema.diagnostics) if (d.severity === 'error' && (d.file === null || d.line === null)) failures.push(`case ${n}: an error without file and line: ${d.message}`);
      } catch (error) {
        failures.push(`case ${n} (${files.map((f) => f.path).join(', ')}): ${String(error)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
