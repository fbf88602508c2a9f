// Python semantics the SQLAlchemy visitors rely on: truthiness, %-formatting, AttributeError.
import type { TypeArg } from '../type-spec.js';
import type { BoundType } from './bind.js';

/** What SQLAlchemy raises while compiling (CompileError, UnsupportedCompilationError, a missing attribute). */
export class CompileError extends Error {
  override readonly name = 'CompileError';
}

/** Python truthiness of an attribute value: None, False, 0, '' and [] are false. */
export function truthy(v: TypeArg | undefined): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return v !== undefined && v !== null && v !== false && v !== 0 && v !== '';
}

/** Python `'%s' % v`. */
export function pyStr(v: TypeArg | undefined): string {
  if (v === undefined || v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'object') throw new CompileError('cannot format a type or list with %s');
  return String(v);
}

/** Python `'%d' % v`: anything but a number (or bool) raises TypeError. */
export function pyInt(v: TypeArg | undefined): string {
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v !== 'number') throw new CompileError(`%d format: a real number is required, not ${pyStr(v)}`);
  return String(Math.trunc(v));
}

/** A value Python concatenates to a str: anything else raises TypeError. */
export function pyConcat(v: TypeArg | undefined): string {
  if (typeof v !== 'string') throw new CompileError(`can only concatenate str (not ${pyStr(v)}) to str`);
  return v;
}

/** `type_.<name>` where some classes reaching the visitor lack the attribute (Python raises AttributeError). */
export function required(t: BoundType, name: string): TypeArg {
  if (!t.has(name)) throw new CompileError(`'${t.spec.name}' object has no attribute '${name}'`);
  return t.attrs[name] ?? null;
}
