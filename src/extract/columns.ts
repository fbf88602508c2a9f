// Column(...) and mapped_column(...) calls to ColumnDraft: name, type, flags, foreign keys, defaults.
import type { Dialect, SourceRef, Unresolved } from '../schema/types.js';
import type { Ctx } from './context.js';
import type { CheckDraft, ColumnDraft, FkDraft } from './drafts.js';
import { compiledElementText, uncompiledElement } from './compiles.js';
import { isSqlOperand } from './sql-expr.js';
import { constructorArgument, constructorArgumentSource } from './sa-arguments.js';
import { saSymbol } from './sa-names.js';
import { isTypeValue, typeSpecOf } from './type-of.js';
import { defaultText, serverDefaultText, valueText, exprText, kwargExpr, namedValueText, sourceText, unknownCause, notAName } from './value-text.js';
import { messages } from './messages.js';
import { reprOf } from './evaluate-format.js';
import { asString, constraintNameOf, unknown, type CallValue, type Value } from './values.js';

/** Schema items allowed among Column's positional arguments, and what each one sets. */
const SCHEMA_ITEMS = new Set(['ForeignKey', 'Sequence', 'Identity', 'Computed', 'DefaultClause', 'FetchedValue', 'CheckConstraint']);

/** The call when `v` calls one of the named SQLAlchemy callables (Column, mapped_column ...). */
export function callOf(v: Value | undefined, ...kinds: string[]): CallValue | undefined {
  return v?.t === 'call' && kinds.includes(saSymbol(v.callee) ?? '') ? v : undefined;
}

function problem(call: CallValue, reason: string, symbol?: string): Unresolved {
  return { file: call.file, line: call.line, reason, ...(symbol ? { symbol } : {}) };
}

function flag(call: CallValue, name: string, draft: ColumnDraft): boolean | null {
  const v = call.kwargs.get(name);
  if (v === undefined || v.t === 'none') return null;
  if (v.t === 'bool') return v.v;
  draft.unresolved.push(problem(call, `${name}= is not known statically`, draft.key ?? draft.name ?? undefined));
  return null;
}

/** mapped_column(sort_order=n); Column takes `sort_order=` as a dialect keyword it ignores (with a warning). */
function sortOrderOf(call: CallValue): number {
  const v = call.kwargs.get('sort_order');
  return v?.t === 'num' && saSymbol(call.callee) === 'mapped_column' ? v.v : 0;
}

/**
 * A default's text for the dialect: a project SQL element through its `@compiles` function, else as `text` writes it
 * (serverDefaultText for the DDL's, defaultText for a Python-side one).
 */
function defaultOf(ctx: Ctx, v: Value, text: (v: Value, dialect: Dialect) => string): string {
  return compiledElementText(ctx, v, ctx.project.dialect) ?? text(v, ctx.project.dialect);
}

/** A column as `Column(name, key=key)` makes it, before its type and flags are read; `set` gives some of them. */
export function blankColumn(name: string | null, key: string | null, source: SourceRef, set: Partial<ColumnDraft> = {}): ColumnDraft {
  return {
    name,
    key,
    type: null,
    nullable: null,
    nullableDefault: null,
    primaryKey: false,
    unique: null,
    index: null,
    default: null,
    serverDefault: null,
    comment: null,
    foreignKeys: [],
    checks: [],
    sortOrder: 0,
    source,
    unresolved: [],
    ...set,
  };
}

/** Reads a Column / mapped_column call; `key` is the attribute it is assigned to (null in a Table). */
export function columnFromCall(ctx: Ctx, call: CallValue, key: string | null): ColumnDraft {
  const draft = blankColumn(asString(call.kwargs.get('name')) ?? null, asString(call.kwargs.get('key')) ?? key, { file: call.file, line: call.line }, {
    comment: asString(call.kwargs.get('comment')) ?? null,
    sortOrder: sortOrderOf(call),
    call,
  });
  // `name=conf.CODE_COLUMN`, `comment=Status.__doc__`: said, where they would read as not given
  for (const keyword of ['name', 'key', 'comment']) {
    const v = call.kwargs.get(keyword);
    if (v && v.t !== 'none' && asString(v) === undefined) draft.unresolved.push(problem(call, messages.columnKeyword(keyword, unknownCause(v)), key ?? undefined));
  }
  readPositional(ctx, call, draft);
  const typeKw = call.kwargs.get('type_');
  if (typeKw) setType(ctx, call, draft, typeKw);
  draft.primaryKey = flag(call, 'primary_key', draft) ?? false;
  draft.nullable = flag(call, 'nullable', draft);
  draft.unique = flag(call, 'unique', draft);
  draft.index = flag(call, 'index', draft);
  // default_factory is a dataclass argument: it never becomes the column default
  for (const name of ['default', 'insert_default']) {
    const v = call.kwargs.get(name);
    // a default not known statically (`settings.tz` read from the environment) keeps its source text
    const source = v?.t === 'unknown' ? kwargExpr(call, name) : undefined;
    if (v && v.t !== 'none') draft.default = source ? sourceText(source) : defaultOf(ctx, v, defaultText);
  }
  const sd = call.kwargs.get('server_default');
  if (sd && sd.t !== 'none') draft.serverDefault = defaultOf(ctx, sd, serverDefaultText);
  const elsewhere = sd && uncompiledElement(ctx, sd, ctx.project.dialect);
  if (elsewhere) draft.unresolved.push(problem(call, messages.uncompiledDefault(ctx.project.dialect, elsewhere), key ?? undefined));
  const lost = sd && unknownPart(sd, 0);
  if (lost) draft.unresolved.push(problem(call, messages.serverDefault(lost.reason), key ?? undefined));
  // `Column(String(3), **options)` over options not known statically: any flag above may be wrong
  const spread = call.kwargs.get('**');
  if (spread) draft.unresolved.push(problem(call, messages.spreadKeywords(unknownCause(spread)), draft.key ?? draft.name ?? undefined));
  return draft;
}

/**
 * An unknown a server default holds (`text(f"'{settings.default}'")`: its text would show `?` in its place), or
 * the text of a `text()` that is a library's value (`text(orjson.dumps({}).decode())`).
 */
function unknownPart(v: Value, depth: number): Extract<Value, { t: 'unknown' }> | undefined {
  if (v.t === 'unknown') return v;
  if (depth > 4) return undefined;
  const sym = v.t === 'call' ? saSymbol(v.callee) : undefined;
  const body = v.t === 'call' && (sym === 'text' || sym === 'literal_column') ? constructorArgument(v, 'text') : undefined;
  if (v.t === 'call' && body && body.t !== 'str' && body.t !== 'unknown') return unknown(`${sym}() of ${valueText(body)}`, v.file, v.line);
  const parts = v.t === 'call' ? [...v.args, ...v.kwargs.values()] : v.t === 'seq' ? v.items : [];
  for (const part of parts) {
    const found = unknownPart(part, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function readPositional(ctx: Ctx, call: CallValue, draft: ColumnDraft): void {
  let i = 0;
  const args = call.args;
  if (args[0]?.t === 'str') {
    draft.name = args[0].v;
    i = 1;
  } else if (args[0] && args[1] && !isTypeValue(ctx, args[0]) && !isSchemaItem(args[0]) && (args[1].t === 'none' || isTypeValue(ctx, args[1]))) {
    // a type follows: the first argument is the column's name (`"barcode" if LEGACY else "code"`, `settings.column`)
    draft.unresolved.push(problem(call, `column name not known statically (${unknownCause(args[0])})`, draft.key ?? undefined));
    i = 1;
  }
  const slot = args[i];
  if (slot && slot.t === 'none') i++;
  // `Column(c.name, c.type)` over a column whose type is not known here: a type slot all the same
  else if (slot && !isSchemaItem(slot) && (slot.t === 'unknown' || isTypeValue(ctx, slot) || (slot.t === 'attr' && slot.name === 'type'))) {
    setType(ctx, call, draft, slot);
    i++;
  }
  for (; i < args.length; i++) readSchemaItem(ctx, call, draft, args[i]!);
}

/** A Computed column's SQL text as Python's repr shows it; undefined when it is not plain text. */
function computedText(sql: Value | undefined): string | undefined {
  const body = sql?.t === 'call' && ['text', 'literal_column'].includes(saSymbol(sql.callee) ?? '') ? constructorArgument(sql, 'text') : undefined;
  const text = sql?.t === 'str' ? sql.v : body?.t === 'str' ? body.v : undefined;
  return text === undefined ? undefined : reprOf({ t: 'str', v: text });
}

function isSchemaItem(v: Value): boolean {
  return v.t === 'call' && SCHEMA_ITEMS.has(saSymbol(v.callee) ?? '');
}

function setType(ctx: Ctx, call: CallValue, draft: ColumnDraft, v: Value): void {
  const spec = typeSpecOf(ctx, v, call.file, call.line);
  if ('t' in spec) {
    draft.unresolved.push(problem(call, spec.reason, draft.key ?? draft.name ?? undefined));
    draft.typeUnknown = true;
  } else draft.type = spec;
}

function readSchemaItem(ctx: Ctx, call: CallValue, draft: ColumnDraft, item: Value): void {
  const sym = item.t === 'call' ? saSymbol(item.callee) : undefined;
  if (item.t !== 'call' || !sym) {
    // Column() takes None anywhere; anything else not read here may be its type or a constraint: said, not dropped
    const why = item.t === 'unknown' ? item.reason : item.t === 'none' ? undefined : messages.columnArgument(namedValueText(item));
    if (why) doubtfulArgument(call, draft, why);
    return;
  }
  switch (sym) {
    case 'ForeignKey':
      draft.foreignKeys.push(foreignKeyOf(item));
      for (const option of ['ondelete', 'onupdate', 'name']) {
        const v = item.kwargs.get(option);
        const notName = notAName(v);
        if (notName !== undefined) draft.unresolved.push(problem(call, `ForeignKey ${option}= not known statically (${notName})`, draft.key ?? draft.name ?? undefined));
      }
      return;
    case 'Sequence':
      draft.default = `Sequence(${valueText(constructorArgument(item, 'name') ?? { t: 'none' })})`;
      return;
    case 'Identity':
      // Identity makes the column NOT NULL unless nullable= is given (or a Mapped[Optional[...]] says otherwise)
      draft.nullableDefault = false;
      draft.serverDefault = 'Identity()';
      return;
    case 'Computed':
      // `Computed("on_hand - reserved")`: its SQL text shown, so that a changed expression is a changed default
      draft.serverDefault = `Computed(${computedText(constructorArgument(item, 'sqltext')) ?? ''})`;
      return;
    case 'DefaultClause':
    case 'FetchedValue': {
      const arg = sym === 'DefaultClause' ? constructorArgument(item, 'arg') : undefined;
      draft.serverDefault = arg ? defaultOf(ctx, arg, serverDefaultText) : `${sym}()`;
      return;
    }
    case 'CheckConstraint':
      draft.checks.push(checkOf(item));
      const unknownText = checkTextProblem(item);
      if (unknownText) draft.unresolved.push(problem(item, unknownText, draft.key ?? draft.name ?? undefined));
      return;
    default:
      doubtfulArgument(call, draft, messages.columnArgument(namedValueText(item)));
  }
}

/** An argument not understood, which may have been the column's type: reported, and the type it has is a guess. */
function doubtfulArgument(call: CallValue, draft: ColumnDraft, why: string): void {
  draft.unresolved.push(problem(call, why, draft.key ?? draft.name ?? undefined));
  draft.typeDoubtful = true;
}

export function foreignKeyOf(call: CallValue): FkDraft {
  return {
    target: call.args[0] ?? call.kwargs.get('column') ?? { t: 'none' },
    ...constraintNameOf(constructorArgument(call, 'name')),
    ondelete: asString(constructorArgument(call, 'ondelete')) ?? null,
    onupdate: asString(constructorArgument(call, 'onupdate')) ?? null,
    file: call.file,
    line: call.line,
  };
}

/** CHECK text: a string as written, or the expression unparsed without class qualifiers. */
export function checkOf(call: CallValue): CheckDraft {
  const first = constructorArgument(call, 'sqltext');
  const name = constraintNameOf(constructorArgument(call, 'name'));
  // `CheckConstraint(False)`: SQLAlchemy coerces a Python bool to false() / true()
  const isExpression = first !== undefined && (first.t === 'bool' || (isSqlOperand(first) && !(first.t === 'call' && saSymbol(first.callee) === 'text')));
  return isExpression ? { ...name, sqltext: checkText(call), expr: first } : { ...name, sqltext: checkText(call) };
}

/** Why a CHECK's text is not known (`CheckConstraint(f"n <= {int(LIMIT)}")` over a value not known statically). */
export function checkTextProblem(call: CallValue): string | undefined {
  if (saSymbol(call.callee) !== 'CheckConstraint') return undefined;
  const first = constructorArgument(call, 'sqltext');
  const text = first?.t === 'call' && saSymbol(first.callee) === 'text' ? first.args[0] : first;
  if (text?.t === 'unknown') return messages.checkText(text.reason);
  if (first === undefined || text !== first) return undefined;
  // an object that is neither text nor an expression compiled here (`case(...)`, a number): its source text stands in
  return first.t === 'str' || first.t === 'bool' || isSqlOperand(first) ? undefined : messages.checkExpression(checkText(call));
}

function checkText(call: CallValue): string {
  const first = constructorArgument(call, 'sqltext');
  if (first?.t === 'str') return first.v;
  if (first?.t === 'call' && saSymbol(first.callee) === 'text' && first.args[0]?.t === 'str') return first.args[0].v;
  const source = constructorArgumentSource(call, 'sqltext');
  return source ? exprText(source) : '';
}
