// What a scan cannot follow, said where it is lost: a class over a base not known statically, a Table(...) on an
// unknown object, a helper or a loop that cannot be run. Warnings in diagnostics, or problems on the table.
import type { Expr, Stmt } from '../python/summary.js';
import type { Env } from './context.js';
import { attributeTargets, buildsSchema } from './builds-schema.js';
import { readAnnotation } from './annotations.js';
import { ownAttrs } from './class-body.js';
import { outsideBases } from './classes.js';
import { callOf } from './columns.js';
import { isTableCall } from './evaluate-attr.js';
import { mapClass } from './declarative.js';
import { annValue } from './declarative-scan.js';
import { evalExpr } from './evaluate.js';
import { mappedRegistry } from './model-kind.js';
import { registryOf } from './registry.js';
import type { Extraction } from './state.js';
import { messages } from './messages.js';
import { lastName, unknownCause, valueText } from './value-text.js';
import type { ClassInfo, Value } from './values.js';

/**
 * `class Company(Model)` over a `db.Model` that could not be evaluated (`db = get_sqla_class()()`): a class that
 * declares columns may be mapped, so its table is said to be missing rather than left out silently.
 */
export function reportUnknownBase(x: Extraction, cls: ClassInfo): void {
  // an outside class is a name (`ext`); an attribute or call result of something unknown is not. A class over a
  // registry we know is not mapped for reasons of its own (abstract, SQLModel without table=True)
  const base = outsideBases(x.ctx, cls).find((v) => v.t === 'unknown' || v.t === 'attr' || v.t === 'call');
  if (!base || registryOf(x.ctx, x.reg, cls) || !declaresColumns(x, cls)) return;
  const cause = base.t === 'unknown' ? base.reason : `${valueText(base)} is not known statically`;
  x.orphans.push({ file: cls.module.file, line: cls.def.line, symbol: cls.name, reason: messages.unknownBase(cls.name, cause) });
}

function declaresColumns(x: Extraction, cls: ClassInfo): boolean {
  for (const [name, attr] of ownAttrs(x, cls)) {
    if (name === '__tablename__' || name === '__table__') return true;
    const ann = attr.ann ? annValue(x, cls, attr) : null;
    if (ann && readAnnotation(x.ctx, ann, cls.module).container === 'mapped') return true;
    const value = attr.expr ? evalExpr(x.ctx, attr.expr, { module: cls.module, cls, depth: 0 }) : undefined;
    if (callOf(value, 'Column', 'mapped_column')) return true;
  }
  return false;
}

/**
 * Tables a module-level call builds that cannot be extracted: `db.Table("tag", ...)` over a `db` that could not be
 * evaluated, or `party_fields = make_custom_table("party")` whose helper could not be run.
 */
export function reportLoss(x: Extraction, expr: Expr, value: Value, env: Env): void {
  if (expr.k !== 'call') return;
  if (lastName(expr.fn) === 'Table' && !(value.t === 'call' && isTableCall(value))) {
    const cause = value.t === 'unknown' ? value.reason : `${valueText(evalExpr(x.ctx, expr.fn, env))} is not known statically`;
    x.orphans.push({ file: env.module.file, line: expr.line, reason: messages.unknownTableCall(cause) });
    return;
  }
  if (value.t !== 'unknown') return;
  const fn = evalExpr(x.ctx, expr.fn, env);
  if (fn.t === 'func' && fn.fn.def.body && buildsSchema(fn.fn.def.body)) {
    x.orphans.push({ file: env.module.file, line: expr.line, reason: messages.helperNotRun(fn.fn.def.name, unknownCause(value)) });
  }
}

/**
 * A loop that cannot be run: each mapped class its body sets attributes on is told on its table; a body that
 * builds anything else is a warning. A loop that builds nothing is no loss.
 */
export function reportLoop(x: Extraction, stmt: Extract<Stmt, { k: 'for' }>, env: Env, cause: string): void {
  if (!buildsSchema(stmt.body)) return;
  let isTold = false;
  for (const target of attributeTargets(stmt.body)) {
    for (const cls of loopTargetClasses(x, stmt.body, target, env)) {
      const table = mappedRegistry(x, cls) ? mapClass(x, cls)?.table : undefined;
      if (!table) continue;
      table.unresolved.push({ file: env.module.file, line: stmt.line, reason: messages.loopNotRun(cls.name, cause) });
      isTold = true;
    }
  }
  if (!isTold) x.orphans.push({ file: env.module.file, line: stmt.line, reason: messages.loopMayBuild(cause) });
}

/**
 * The classes a loop's attribute target can be: the class it names, or, for a name the body picks out of a dict
 * (`model = MODELS[name]`), every class among the dict's values.
 */
function loopTargetClasses(x: Extraction, body: readonly Stmt[], target: Expr, env: Env): ClassInfo[] {
  const picked = target.k === 'name' ? body.find((s) => s.k === 'assign' && s.targets.some((t) => t.k === 'name' && t.id === target.id)) : undefined;
  const source = picked?.k === 'assign' && picked.value.k === 'sub' ? evalExpr(x.ctx, picked.value.obj, env) : undefined;
  if (source?.t === 'dict') return source.entries.flatMap(([, v]) => (v.t === 'class' ? [v.cls] : []));
  const value = evalExpr(x.ctx, target, env);
  return value.t === 'class' ? [value.cls] : [];
}

