// Reading package.json for init, and writing it back in its own indentation.
import { UserError } from '../cli/errors.js';
import { INIT_MESSAGES as M } from './messages.js';

export interface PackageJson {
  data: Record<string, unknown>;
  indent: string;
}

export function parsePackageJson(text: string): PackageJson {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UserError(M.packageJsonInvalid((error as Error).message));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new UserError(M.packageJsonInvalid('not an object'));
  // the indentation of the first key: husky's own `husky init` keeps it the same way
  return { data: data as Record<string, unknown>, indent: /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ' };
}

export function stringifyPackageJson(pkg: PackageJson): string {
  return `${JSON.stringify(pkg.data, null, pkg.indent)}\n`;
}

export function dependsOn(pkg: PackageJson, name: string): boolean {
  return ['dependencies', 'devDependencies', 'optionalDependencies'].some((key) => {
    const deps = pkg.data[key];
    return typeof deps === 'object' && deps !== null && name in deps;
  });
}

/** package.json with `husky` in its prepare script; undefined when it runs husky already. */
export function withHuskyPrepare(pkg: PackageJson): PackageJson | undefined {
  const scripts = (typeof pkg.data.scripts === 'object' && pkg.data.scripts !== null ? pkg.data.scripts : {}) as Record<string, unknown>;
  const prepare = scripts.prepare;
  if (typeof prepare === 'string' && /\bhusky\b/.test(prepare)) return undefined;
  const next = typeof prepare === 'string' && prepare.trim() !== '' ? `${prepare} && husky` : 'husky';
  return { ...pkg, data: { ...pkg.data, scripts: { ...scripts, prepare: next } } };
}
