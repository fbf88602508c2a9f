// What a block of statements could add to the schema, read from its text alone: used where the block cannot be
// run statically (a loop over a runtime list, a helper that fails), so its loss is reported instead of silent.
import type { Expr, Stmt } from '../python/summary.js';
import { lastName } from './value-text.js';

/** Callables whose call builds or changes a table: Table(...), Column(...), type(name, bases, ns), setattr(...). */
const BUILDERS = new Set(['Table', 'Column', 'mapped_column', 'type', 'new_class', 'setattr', 'Index', 'map_imperatively', 'Field']);

function exprsOf(stmt: Stmt): Expr[] {
  switch (stmt.k) {
    case 'assign':
      return [...stmt.targets, stmt.value];
    case 'ann':
      return stmt.value ? [stmt.value] : [];
    case 'expr':
    case 'aug':
      return [stmt.value];
    case 'return':
      return stmt.value ? [stmt.value] : [];
    case 'for':
      return [stmt.iter];
    case 'if':
      return [stmt.test];
    case 'match':
      return [stmt.subject];
    default:
      return [];
  }
}

/** The statement blocks nested in a statement that run in its scope (not a nested function's or class's). */
export function bodiesOf(stmt: Stmt): Stmt[][] {
  if (stmt.k === 'if') return [stmt.body, stmt.orelse];
  if (stmt.k === 'for' || stmt.k === 'while') return [stmt.body, stmt.orelse ?? []];
  if (stmt.k === 'block') return [stmt.body, ...(stmt.handlers?.clauses.map((c) => c.body) ?? [])];
  if (stmt.k === 'match') return stmt.cases.map((c) => c.body);
  return [];
}

/** Registry methods that map a class given to them. */
const MAPPERS = new Set(['mapped', 'mapped_as_dataclass', 'map_imperatively', 'map_declaratively']);

type CallExpr = Extract<Expr, { k: 'call' }>;

/** The calls an expression makes, outermost first (a comprehension's element and clauses, a lambda's body included). */
export function callsIn(e: Expr, out: CallExpr[] = []): CallExpr[] {
  if (e.k === 'call') out.push(e);
  for (const child of Object.values(e)) visitChild(child, out);
  return out;
}

/** An expression, or what holds expressions: a list of them, a call argument, a dict item, a comprehension clause. */
function visitChild(child: unknown, out: CallExpr[]): void {
  if (isExpr(child)) callsIn(child, out);
  else if (Array.isArray(child)) for (const item of child) visitChild(item, out);
  else if (typeof child === 'object' && child !== null) for (const field of Object.values(child)) visitChild(field, out);
}

/** `type(name, bases, namespace)` or `types.new_class(...)`: a call that makes a class (type(x) only asks one's type). */
export function makesClass(call: CallExpr): boolean {
  const name = lastName(call.fn);
  // keywords of type() go to __init_subclass__
  return name === 'new_class' || (name === 'type' && call.args.filter((a) => a.name === undefined && !a.star).length === 3);
}

function calls(names: ReadonlySet<string>, e: Expr, modules: ReadonlySet<string>): boolean {
  return callsIn(e).some((call) => {
    const name = lastName(call.fn);
    return names.has(name) && (name !== 'type' || makesClass(call)) && (name !== 'setattr' || !setsOnModule(call, modules));
  });
}

function bodyCalls(names: ReadonlySet<string>, body: readonly Stmt[], modules = moduleNames(body)): boolean {
  return body.some((stmt) => exprsOf(stmt).some((e) => calls(names, e, modules)) || bodiesOf(stmt).some((inner) => bodyCalls(names, inner, modules)));
}

/**
 * `setattr(sys.modules[__name__], name, getattr(sibling, name))`: names copied onto a module (AutoWISP's package
 * re-exporting what it imports), not a table changed; a class or table made for it is a builder call of its own.
 */
function setsOnModule(call: CallExpr, modules: ReadonlySet<string>): boolean {
  const target = call.args[0]?.value;
  return target !== undefined && (isModuleLookup(target) || (target.k === 'name' && modules.has(target.id)));
}

/** `sys.modules[...]`, or a module imported by name (`import_module(...)`). */
function isModuleLookup(e: Expr): boolean {
  if (e.k === 'sub') return e.obj.k === 'attr' && e.obj.name === 'modules' && e.obj.obj.k === 'name' && e.obj.obj.id === 'sys';
  return e.k === 'call' && lastName(e.fn) === 'import_module';
}

/** The names the statements bind to a module (`this_module = sys.modules[__name__]`), nested blocks included. */
function moduleNames(body: readonly Stmt[], out = new Set<string>()): Set<string> {
  for (const stmt of body) {
    if (stmt.k === 'assign' && isModuleLookup(stmt.value)) for (const t of stmt.targets) if (t.k === 'name') out.add(t.id);
    for (const inner of bodiesOf(stmt)) moduleNames(inner, out);
  }
  return out;
}

function isExpr(v: unknown): v is Expr {
  return typeof v === 'object' && v !== null && typeof (v as { k?: unknown }).k === 'string';
}

/** Whether the statements call `Table(...)` (a table of their own, not a column or class). */
export function buildsTable(body: readonly Stmt[]): boolean {
  return bodyCalls(TABLE_BUILDERS, body);
}

const TABLE_BUILDERS = new Set(['Table']);

/** Whether the statements call something that builds a table, a column or a mapped class. */
export function buildsSchema(body: readonly Stmt[]): boolean {
  return bodyCalls(BUILDERS, body);
}

/**
 * Whether the statements map a class through a registry (`registry.mapped(cls)` in a class decorator), or a
 * function they define does (a decorator usable bare or with arguments, whose inner `apply(cls)` maps).
 */
export function mapsClass(body: readonly Stmt[]): boolean {
  return bodyCalls(MAPPERS, body) || body.some((stmt) => (stmt.k === 'def' && stmt.body ? mapsClass(stmt.body) : bodiesOf(stmt).some(mapsClass)));
}

/** The objects the statements set attributes on: `X` of `setattr(X, ...)` and of `X.name = ...`. */
export function attributeTargets(body: readonly Stmt[]): Expr[] {
  const out: Expr[] = [];
  for (const stmt of body) {
    if (stmt.k === 'expr' && stmt.value.k === 'call' && lastName(stmt.value.fn) === 'setattr' && stmt.value.args[0]) out.push(stmt.value.args[0].value);
    if (stmt.k === 'assign') for (const t of stmt.targets) if (t.k === 'attr') out.push(t.obj);
    for (const inner of bodiesOf(stmt)) out.push(...attributeTargets(inner));
  }
  return out;
}
