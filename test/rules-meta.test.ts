// The rule registry's invariants: ids, files, docs pages, test files, order.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES, RULE_IDS } from '../src/rules/registry.js';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** src/rules files that define a rule: those calling defineRule (define-rule.ts itself only declares it). */
function ruleFiles(): string[] {
  return readdirSync(root('src/rules'))
    .filter((name) => name.endsWith('.ts') && name !== 'define-rule.ts')
    .filter((name) => /\bdefineRule\(/.test(readFileSync(root(`src/rules/${name}`), 'utf8')))
    .map((name) => name.slice(0, -'.ts'.length));
}

describe('rule registry', () => {
  it('has unique kebab-case ids', () => {
    expect(RULE_IDS.length).toBeGreaterThan(0);
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    for (const id of RULE_IDS) expect(id, id).toMatch(KEBAB);
  });

  it('is sorted by id', () => {
    expect([...RULE_IDS]).toEqual([...RULE_IDS].sort());
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s: its file is src/rules/<id>.ts and exports it', async (id, rule) => {
    const module: Record<string, unknown> = await import(`../src/rules/${id}.ts`);
    expect(Object.values(module)).toContain(rule);
  });

  it.each(RULE_IDS.map((id) => [id]))('%s has a docs page with the required sections and a test file', (id) => {
    const page = root(`docs/rules/${id}.md`);
    expect(existsSync(page), `docs/rules/${id}.md`).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text.startsWith(`# ${id}\n`), `docs/rules/${id}.md starts with "# ${id}"`).toBe(true);
    for (const section of ['## Why it breaks downstream', '## The safe way', '## Severity', '## Examples', '## Configure or suppress']) {
      expect(text, `docs/rules/${id}.md: ${section}`).toContain(section);
    }
    expect(existsSync(root(`test/rules-${id}.test.ts`)), `test/rules-${id}.test.ts`).toBe(true);
  });

  it('registers every src/rules file that defines a rule, and nothing else', () => {
    expect(ruleFiles().sort()).toEqual([...RULE_IDS].sort());
  });

  it('lists every rule in docs/rules/README.md with its default severity', () => {
    const readme = readFileSync(root('docs/rules/README.md'), 'utf8');
    for (const rule of RULES) expect(readme, rule.id).toContain(`| [\`${rule.id}\`](${rule.id}.md) | ${rule.defaultSeverity} |`);
  });

  it('gives every rule a one-sentence description', () => {
    for (const rule of RULES) expect(rule.description, rule.id).toMatch(/^[A-Z].*\.$/);
  });
});
