// `npm run demo` as a smoke test: the built package, packed and installed into a throwaway repo, blocks a
// breaking commit through the real pre-commit hook and records the override trailer through commit-msg.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OVERRIDE_TRAILER = /^\s*Schemaguard-Override: email moved to customer_contacts; growth-data signed off in ANALYTICS-142\b/m;

interface DemoRun {
  status: number | null;
  output: string;
  /** the output under each `[n/7] ...` heading, by n */
  steps: Map<number, string>;
}

function stepsOf(output: string): Map<number, string> {
  const steps = new Map<number, string>();
  for (const part of output.split(/^(?=\[\d+\/\d+\] )/m)) {
    const n = /^\[(\d+)\//.exec(part)?.[1];
    if (n !== undefined) steps.set(Number(n), part);
  }
  return steps;
}

describe('npm run demo', () => {
  let demo: DemoRun;

  beforeAll(() => {
    // the demo packs dist/ as it is: `npm run build` comes first (CI: .ci/run; `npm run demo` does it itself)
    if (!existsSync(`${ROOT}dist/cli/main.js`)) throw new Error('dist/ is not built: run `npm run build` first');
    const result = spawnSync(process.execPath, ['scripts/demo.js'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 170_000,
    });
    const output = `${result.stdout}\n${result.stderr}`;
    demo = { status: result.status, output, steps: stepsOf(output) };
  }, 180_000);

  it('tells the whole story and exits 0', () => {
    expect(demo.status, demo.output).toBe(0);
    expect(demo.output).toContain('demo passed');
    expect([...demo.steps.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('the breaking commit is blocked by git commit with the contract owner and the dashboard', () => {
    const blocked = demo.steps.get(6) ?? '';
    expect(blocked, demo.output).toContain('$ git commit -m');
    expect(blocked).toMatch(/^ {2}exit status 1$/m);
    expect(blocked).toContain('@growth-data');
    expect(blocked).toContain('Customer Growth');
    expect(blocked).toContain('email');
  });

  it('the override commit passes and git log shows the trailer with the reason', () => {
    const overridden = demo.steps.get(7) ?? '';
    expect(overridden, demo.output).toMatch(/^ {2}exit status 0$/m);
    const log = overridden.slice(overridden.indexOf('$ git log -1'));
    expect(log).toMatch(OVERRIDE_TRAILER);
  });

  it('colour codes stay out with NO_COLOR, and the temp repository is removed', () => {
    expect(demo.output).not.toMatch(/\u001b\[/);
    const repo = /^ {2}in (\S+)$/m.exec(demo.steps.get(1) ?? '')?.[1];
    expect(repo, demo.output).toMatch(/schemaguard-demo-/);
    expect(existsSync(repo as string)).toBe(false);
  });
});
