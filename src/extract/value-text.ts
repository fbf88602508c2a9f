// Source-ish text for defaults and SQL fragments: `datetime.utcnow`, `'active'`, `now()`, `lower(email)`.
import type { Expr } from '../python/summary.js';
import { datetimeRepr } from './datetime-repr.js';
import { bytesRepr } from './evaluate-bytes.js';
import { decimalText } from './evaluate-decimal.js';
import { strRepr } from './evaluate-format.js';
import { enumMember } from './evaluate-ops.js';
import { constructorArgument } from './sa-arguments.js';
import type { Dialect } from '../schema/types.js';
import { quoteIdentifier } from '../schema/identifiers.js';
import { isSqlFunction } from './sa-names.js';
import { standaloneSql } from './sql-expression.js';
import { sqlFunctionText } from './sql-functions.js';
import { numberText, qualnameOf, scalar, sequenceText, type CallValue, type Value } from './values.js';

/** Python-side default as text: only its presence is compared, the text helps a reader. */
export function valueText(v: Value): string {
  switch (v.t) {
    case 'str':
      return strRepr(v.v);
    case 'num':
      return numberText(v);
    case 'bigint':
      return v.v.toString();
    case 'bool':
      return v.v ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'ext':
      // builtins are written bare, as Python names them (`dict`, `list`)
      return v.name.startsWith('builtins.') ? v.name.slice('builtins.'.length) : v.name.split('.').slice(-2).join('.');
    case 'class':
      return v.cls.name;
    case 'func':
      // its `__qualname__`: a method is named through its class (`Fernet.generate_key`)
      return v.fn.owner ? `${qualnameOf(v.fn.owner)}.${v.fn.def.name}` : v.fn.def.name;
    case 'code':
      return v.expr.k === 'lambda' ? '<lambda>' : exprText(v.expr);
    case 'call':
      return callText(v);
    case 'attr':
      return `${valueText(v.obj)}.${v.name}`;
    case 'clsattr':
      return `${v.cls.name}.${v.name}`;
    case 'seq':
      return sequenceText(v.kind, v.items.map(itemText));
    case 'dict':
      return `{${v.entries.map(([k, x]) => `${itemText(k)}: ${itemText(x)}`).join(', ')}}`;
    case 'unknown':
      return v.written ?? '?';
    default:
      return '?';
  }
}

const BUILTIN_CLASSES = new Set(['str', 'int', 'float', 'bool', 'bytes', 'bytearray', 'complex', 'list', 'tuple', 'dict', 'set', 'frozenset', 'object', 'type'].map((n) => `builtins.${n}`));

/**
 * An item of a list, tuple or dict as the container's repr shows it: an enum member as `<Status.DRAFT: 'draft'>`, a
 * builtin class as `<class 'str'>` (a default itself reads `Status.DRAFT`, and a class as the callable it is).
 */
function itemText(v: Value): string {
  const member = enumMember(v);
  const name = member?.kwargs.get('__enum__');
  const value = member?.kwargs.get('value');
  if (name?.t === 'str' && value) return `<${name.v}: ${itemText(value)}>`;
  if (v.t === 'ext' && BUILTIN_CLASSES.has(v.name)) return `<class '${v.name.slice('builtins.'.length)}'>`;
  return valueText(v);
}

/**
 * A call as its result's repr reads (`datetime.timedelta(seconds=900)`, `Decimal('0.00')`, an enum member as
 * `Status.DRAFT`, SQL functions as they compile), so that two different defaults never read the same.
 */
function callText(v: CallValue): string {
  const member = enumMember(v)?.kwargs.get('__enum__');
  if (member?.t === 'str') return member.v;
  const decimal = decimalText(v);
  if (decimal !== undefined) return `Decimal('${decimal}')`;
  if (v.callee.t === 'ext' && isSqlFunction(v.callee.name)) return serverDefaultText(v);
  const args = [...v.args.map(valueText), ...[...v.kwargs].map(([name, x]) => `${name}=${valueText(x)}`)];
  return bytesRepr(v) ?? datetimeRepr(v) ?? `${valueText(v.callee)}(${args.join(', ')})`;
}

/**
 * A value named in a message: an outside library's object by its full dotted name (`pgvector.sqlalchemy.Vector()`,
 * where valueText keeps the last two names, as Python's reprs of functions do).
 */
export function namedValueText(v: Value): string {
  if (v.t !== 'call' || v.callee.t !== 'ext' || v.callee.name.startsWith('builtins.')) return valueText(v);
  const args = [...v.args.map(valueText), ...[...v.kwargs].map(([name, x]) => `${name}=${valueText(x)}`)];
  return `${v.callee.name}(${args.join(', ')})`;
}

/** The class of what these outside calls make, for the `__qualname__` of a method bound to it. */
const INSTANCE_CLASSES: ReadonlyMap<string, string> = new Map([
  ['datetime.datetime', 'datetime'], ['datetime.datetime.now', 'datetime'], ['datetime.datetime.utcnow', 'datetime'], ['datetime.datetime.today', 'datetime'],
  ['datetime.date', 'date'], ['datetime.date.today', 'date'], ['datetime.time', 'time'],
  ['uuid.UUID', 'UUID'], ['uuid.uuid1', 'UUID'], ['uuid.uuid4', 'UUID'],
]);

/** A column's Python-side default: a SQL expression (`func.now()`) as `dialect` compiles it, any other its repr. */
export function defaultText(v: Value, dialect: Dialect): string {
  // `default=datetime.utcnow().date`: a method bound to an instance made at import, named by its __qualname__
  const owner = v.t === 'attr' && v.obj.t === 'call' && v.obj.callee.t === 'ext' ? INSTANCE_CLASSES.get(v.obj.callee.name) : undefined;
  if (owner && v.t === 'attr') return `${owner}.${v.name}`;
  if (v.t !== 'call') return valueText(v);
  // SQLAlchemy wraps a callable without a __name__ in a lambda of its own (ColumnDefault), which is what it keeps
  if (v.callee.t === 'ext' && v.callee.name === 'functools.partial') return '<lambda>';
  // a default object SQLAlchemy keeps as given, named by its class (an insert sentinel's)
  if (v.callee.t === 'ext' && v.callee.name === 'sqlalchemy.sql.schema._InsertSentinelColumnDefault') return '_InsertSentinelColumnDefault()';
  return sqlElementText(v, dialect) ?? valueText(v);
}

/**
 * A server default as the DDL would carry it: quoted strings, text() bodies, function calls as `dialect` compiles
 * them (undefined: SQLAlchemy's dialect-free string form).
 */
export function serverDefaultText(v: Value, dialect?: Dialect): string {
  // a str-mixin enum member is a str, rendered as its value is
  const plain = scalar(v);
  if (plain.t === 'str') return `'${plain.v.replace(/'/g, "''")}'`;
  if (v.t === 'call') {
    const last = calleeLastName(v);
    const arg = last === 'DefaultClause' ? constructorArgument(v, 'arg') : undefined;
    if (arg) return serverDefaultText(arg, dialect);
    if (last === 'FetchedValue' && v.args.length === 0) return 'FetchedValue()';
  }
  return (v.t === 'call' ? sqlElementText(v, dialect) : undefined) ?? valueText(v);
}

/**
 * A SQL expression as `dialect` compiles it (undefined: SQLAlchemy's dialect-free string form): `text()` and
 * `literal_column()` bodies, function calls, `true()`/`false()`, a sequence's `next_value()`. Undefined for a call
 * that builds no SQL expression.
 */
function sqlElementText(v: CallValue, dialect?: Dialect): string | undefined {
  const last = calleeLastName(v);
  const body = last === 'text' || last === 'literal_column' ? constructorArgument(v, 'text') : undefined;
  if (body?.t === 'str') return body.v;
  // functions over literals, operators, literal(), null(): as a CHECK constraint's expression compiles
  const compiled = dialect && standaloneSql(v, dialect);
  if (compiled) return compiled;
  if (v.callee.t === 'ext' && isSqlFunction(v.callee.name)) return sqlFunctionText(last, v.args.map((a) => serverDefaultText(a, dialect)), dialect);
  // `sa.true()` in SQLAlchemy's dialect-free string form (a dialect's is compiled above)
  if (last === 'true' || last === 'false') return last;
  const sequence = sequenceName(v);
  return sequence === undefined ? undefined : nextValueText(sequence, dialect);
}

/** A sequence as `Sequence(name, schema=...)` names it. */
interface SequenceRef {
  schema: string | null;
  name: string;
}

/** A sequence's name as the dialect's preparer formats it (`pl_diagram."DispBase_id_seq"`); as written without one. */
function sqlSequenceName(seq: SequenceRef, dialect: Dialect | undefined): string {
  const quote = (id: string): string => (dialect ? quoteIdentifier(id, dialect) : id);
  return seq.schema === null ? quote(seq.name) : `${quote(seq.schema)}.${quote(seq.name)}`;
}

/** The last name of a call's library callee (`sqlalchemy.text` -> 'text'); '' for any other callee. */
function calleeLastName(v: CallValue): string {
  return v.callee.t === 'ext' ? v.callee.name.slice(v.callee.name.lastIndexOf('.') + 1) : '';
}

/** `next_value()` of a sequence as each dialect compiles it; SQLite has no sequences (SQLAlchemy's string form). */
function nextValueText(seq: SequenceRef, dialect: Dialect | undefined): string {
  const sequence = sqlSequenceName(seq, dialect);
  if (dialect === 'postgresql') return `nextval('${sequence}')`;
  if (dialect === 'mysql') return `nextval(${sequence})`;
  return `<next sequence value: ${sequence}>`;
}

/**
 * `Sequence("n", schema="s").next_value()`: the sequence's name and schema, the Sequence's own or that of the MetaData
 * it was given.
 */
function sequenceName(call: CallValue): SequenceRef | undefined {
  const seq = call.callee.t === 'attr' && call.callee.name === 'next_value' && call.args.length === 0 ? call.callee.obj : undefined;
  if (seq?.t !== 'call' || seq.callee.t !== 'ext' || !/^sqlalchemy(\.\w+)*\.Sequence$/.test(seq.callee.name)) return undefined;
  const name = constructorArgument(seq, 'name');
  if (name?.t !== 'str') return undefined;
  const meta = seq.kwargs.get('metadata');
  const schema = seq.kwargs.get('schema') ?? (meta?.t === 'call' ? constructorArgument(meta, 'schema') : undefined);
  return { schema: schema?.t === 'str' ? schema.v : null, name: name.v };
}

/** Why a value cannot be used: its own reason when it is unknown, else the value named. */
export function unknownCause(v: Value): string {
  return v.t === 'unknown' ? v.reason : `${valueText(v)} is not known statically`;
}

/**
 * Why a value given where a name (or an `ondelete=` word) goes is not one: unknown, or an object the evaluator does
 * not model (`Formatter().format(...)` of a library base class). Undefined for a string or None.
 */
export function notAName(v: Value | undefined): string | undefined {
  return v === undefined || v.t === 'str' || v.t === 'none' ? undefined : unknownCause(v);
}

/** The last name of a name or attribute expression (`Column`, `sa.Column` -> 'Column'); '' for anything else. */
export function lastName(e: Expr): string {
  return e.k === 'name' ? e.id : e.k === 'attr' ? e.name : '';
}

/** Unparses an expression, dropping class and table qualifiers (`User.age >= 0` -> `age >= 0`). */
export function exprText(e: Expr): string {
  switch (e.k) {
    case 'name':
      return e.id;
    case 'attr':
      return e.name;
    case 'str':
      return `'${e.v}'`;
    case 'num':
      return String(e.v);
    case 'const':
      return e.v === null ? 'NULL' : e.v ? 'true' : 'false';
    case 'call':
      return `${exprText(e.fn)}(${e.args.map((a) => exprText(a.value)).join(', ')})`;
    case 'bin':
      return `${exprText(e.left)} ${e.op} ${exprText(e.right)}`;
    case 'cmp':
      return e.items.map((item, i) => (i === 0 ? exprText(item) : ` ${e.ops[i - 1]} ${exprText(item)}`)).join('');
    case 'bool':
      return `${exprText(e.left)} ${e.op.toUpperCase()} ${exprText(e.right)}`;
    case 'unary':
      return `${e.op === 'not' ? 'NOT ' : e.op}${exprText(e.arg)}`;
    case 'sub':
      return `${exprText(e.obj)}[${exprText(e.index)}]`;
    case 'fstr':
      return e.parts.map((p) => (typeof p === 'string' ? p : p.k === 'fmt' ? exprText(p) : `{${exprText(p)}}`)).join('');
    case 'fmt':
      return `{${exprText(e.value)}}`;
    case 'other':
      return e.text;
    default:
      return e.k;
  }
}

/** Unparses names, attribute chains, calls and subscripts as Python spells them (`settings.tz`); the rest as exprText. */
export function sourceText(e: Expr): string {
  switch (e.k) {
    case 'attr':
      return `${sourceText(e.obj)}.${e.name}`;
    case 'call':
      return `${sourceText(e.fn)}(${e.args.map((a) => (a.name ? `${a.name}=` : '') + sourceText(a.value)).join(', ')})`;
    case 'sub':
      return `${sourceText(e.obj)}[${sourceText(e.index)}]`;
    default:
      return exprText(e);
  }
}

/** The source expression of a keyword argument of a call, when the call was written out. */
export function kwargExpr(call: CallValue, name: string): Expr | undefined {
  return call.expr.k === 'call' ? call.expr.args.find((a) => a.name === name)?.value : undefined;
}
