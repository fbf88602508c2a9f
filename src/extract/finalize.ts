// Drafts to the canonical schema JSON: primary keys, foreign keys, type-less columns, constraint and
// index names, rendered types.
import { isKnownType, renderType } from '../schema/render-type.js';
import type { TypeSpec } from '../schema/type-spec.js';
import type { Column, ColumnFk, Dialect, Index, Table, UniqueConstraint, Unresolved } from '../schema/types.js';
import { expressionSql, sqlOfRef } from './sql-expression.js';
import type { CheckDraft, ColumnDraft, ColumnRef, FkDraft, GivenName, Retarget, TableDraft } from './drafts.js';
import { messages } from './messages.js';
import { constraintName, type NamingInput, type NotKnown, type TokenRunner } from './naming.js';
import { knownTarget } from './known-tables.js';
import { columnName, columnObjectKey, columnsUsed, fkStringTable, resolveFkTarget, type FkTarget, type TableIndex } from './references.js';
import type { Extraction } from './state.js';
import type { Value } from './values.js';
import { valueText } from './value-text.js';
import { attachedSpatialSpec } from './spatial-types.js';
import { isShimFile } from './library-shims.js';
import { quoteIdentifier } from '../schema/identifiers.js';

interface Builder {
  x: Extraction;
  index: TableIndex;
  dialect: Dialect;
  run: TokenRunner;
  table: TableDraft;
  unresolved: Unresolved[];
  fkTargets: Map<ColumnDraft, string[]>;
}

export function buildTable(x: Extraction, index: TableIndex, t: TableDraft, run: TokenRunner): Table {
  const b: Builder = { x, index, dialect: x.ctx.project.dialect, run, table: t, unresolved: [...t.unresolved], fkTargets: new Map() };
  // the table takes its MetaData's schema, which is not known statically
  if (t.meta.schemaUnknown && t.schema === null && t.source) b.unresolved.push({ ...t.source, symbol: 'schema', reason: messages.tableSchema(t.meta.schemaUnknown) });
  const { columns: pk, byConstraint } = primaryKey(b);
  const foreignKeys = buildForeignKeys(b);
  const columns = t.columns.map((c) => buildColumn(b, c, pk.has(c), byConstraint));
  return {
    name: t.name,
    schema: t.schema,
    source: t.source,
    columns,
    primary_key: [...pk].map(columnName),
    foreign_keys: foreignKeys,
    unique_constraints: uniqueConstraints(b),
    indexes: indexes(b),
    check_constraints: checks(b),
    unresolved: dedupe(b.unresolved),
  };
}

function dedupe(items: Unresolved[]): Unresolved[] {
  const seen = new Set<string>();
  return items.filter((u) => {
    const key = `${u.file}:${u.line}:${u.symbol ?? ''}:${u.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function refColumns(b: Builder, refs: ColumnRef[]): ColumnDraft[] {
  const out: ColumnDraft[] = [];
  for (const ref of refs) {
    const name = sqlOfRef(b.x, b.table, ref);
    const col = name === undefined ? undefined : b.table.columns.find((c) => columnName(c) === name);
    if (col) out.push(col);
  }
  return out;
}

/** An Index's columns as SQLAlchemy collects them for naming: those its expressions use too (`t.c.b.desc()`). */
function indexColumns(b: Builder, refs: ColumnRef[]): ColumnDraft[] {
  const out: ColumnDraft[] = [];
  for (const ref of refs) {
    if (ref.k === 'value') columnsUsed(b.x, b.table, [ref.value], out);
    else for (const col of refColumns(b, [ref])) if (!out.includes(col)) out.push(col);
  }
  return out;
}

/** Reports the first of a constraint's references that is not a column of the table; whether there was one. */
function reportStrayRef(b: Builder, refs: ColumnRef[], where: { file: string; line: number }): boolean {
  // a value not known statically was reported with its own reason when the constraint was added
  const stray = refs.find((r) => !(r.k === 'value' && r.value.t === 'unknown') && refColumns(b, [r]).length === 0);
  if (!stray) return false;
  const text = stray.k === 'key' ? `"${stray.key}"` : stray.k === 'value' ? valueText(stray.value) : stray.text;
  b.unresolved.push({ ...where, reason: messages.constraintColumn(`${text} is not a column of the table`) });
  return true;
}

/** A PrimaryKeyConstraint decides the key and its order; else the primary_key=True columns in table order. */
function primaryKey(b: Builder): { columns: Set<ColumnDraft>; byConstraint: boolean } {
  const constraint = b.table.constraints.find((c) => c.k === 'pk');
  if (constraint?.k === 'pk') {
    reportStrayRef(b, constraint.columns, b.table.source ?? { file: '', line: 0 });
    const cols = refColumns(b, constraint.columns);
    if (cols.length > 0) return { columns: new Set(cols), byConstraint: true };
  }
  return { columns: new Set(b.table.columns.filter((c) => c.primaryKey)), byConstraint: false };
}

/** The column whose type `c` has: itself, or the one it copies its type from (`typeFrom`, a foreign key's). */
function typeSource(b: Builder, c: ColumnDraft, seen: Set<ColumnDraft>): { table: TableDraft; column: ColumnDraft } {
  // a NullType column with a foreign key takes the referred column's type, as a type-less one does
  // (ForeignKey._set_target_column): `mapped_column(NullType, ForeignKey("p.id"))` is INTEGER
  const isNull = c.type?.name === 'NullType';
  if ((c.type && !isNull) || seen.has(c)) return { table: b.table, column: c };
  seen.add(c);
  if (c.typeFrom && !isNull) return typeSource({ ...b, table: c.typeFrom.table }, c.typeFrom.column, seen);
  for (const value of fkTargetsOf(b, c)) {
    const target = targetOf(b, value);
    if (target?.hit) return typeSource({ ...b, table: target.hit.table }, target.hit.column, seen);
  }
  return { table: b.table, column: c };
}

/** A foreign key target among the tables built, else among those a partial scan knows from a whole one. */
function targetOf(b: Builder, value: Value, copied?: Pick<FkDraft, 'namedBy' | 'retarget'>): (FkTarget & { known?: Column }) | undefined {
  if (copied?.namedBy) return copiedTarget(b, value, copied.namedBy, copied.retarget);
  const target = resolveFkTarget(b.x, b.index, b.table, value);
  if (target?.hit || value.t !== 'str' || !b.x.known) return target;
  return knownTarget(b.x.known, b.table, value.v) ?? target;
}

/**
 * A copied foreign key (to_metadata): one to the original's own schema is moved to the copy's; any other keeps its
 * spec, a string then read again in the copy's MetaData, a column its table's full name.
 */
function copiedTarget(b: Builder, value: Value, original: TableDraft, retarget: Retarget | undefined): FkTarget | undefined {
  const target = targetOf({ ...b, table: original }, value);
  if (retarget && target && (retarget.always || target.schema === retarget.from)) return { schema: retarget.to, table: target.table, column: target.column };
  return value.t === 'str' ? targetOf(b, value) : target;
}

/** The rendered type a type-less column takes from a known table's column (partial scans only). */
function knownTypeOf(b: Builder, c: ColumnDraft, seen: Set<ColumnDraft>): Column | undefined {
  if (c.type || seen.has(c) || !b.x.known) return undefined;
  seen.add(c);
  if (c.typeFrom) return knownTypeOf({ ...b, table: c.typeFrom.table }, c.typeFrom.column, seen);
  for (const value of fkTargetsOf(b, c)) {
    const target = targetOf(b, value);
    if (target?.known) return target.known;
    if (target?.hit) return knownTypeOf({ ...b, table: target.hit.table }, target.hit.column, seen);
  }
  return undefined;
}

/** What the column's own foreign keys and the table's ForeignKeyConstraints make it refer to. */
function fkTargetsOf(b: Builder, c: ColumnDraft): Value[] {
  return [...c.foreignKeys.map((fk) => tableOnlyTarget(fk.target, c)), ...constraintTargets(b, c)];
}

/** What a table-level ForeignKeyConstraint makes this column refer to. */
function constraintTargets(b: Builder, c: ColumnDraft): Value[] {
  const out: Value[] = [];
  for (const con of b.table.constraints) {
    if (con.k !== 'fkc') continue;
    const i = refColumns(b, con.columns).indexOf(c);
    const target = i >= 0 ? con.targets[i] : undefined;
    if (target) out.push(target);
  }
  return out;
}

/** `Enum(..., inherit_schema=True)` takes its table's schema, over one of its own (SchemaType._set_table). */
function withInheritedSchema(spec: TypeSpec | null, schema: string | null): TypeSpec | null {
  if (!spec || spec.kwargs.inherit_schema !== true) return spec;
  return { ...spec, kwargs: { ...spec.kwargs, schema } };
}

/**
 * A Mapped[...] annotation sets nullable as nullable= would (mapped_column(primary_key=True) under
 * Mapped[int | None] stays nullable); with neither, a primary key is NOT NULL, and so is a column of a
 * PrimaryKeyConstraint whatever its annotation says (the constraint overrides what nullable= did not set).
 */
export function nullableOf(c: ColumnDraft, isPk: boolean, byConstraint: boolean): boolean {
  return c.nullable ?? (isPk && byConstraint ? false : (c.nullableDefault ?? !isPk));
}

/** `byConstraint`: the key is a PrimaryKeyConstraint's, which makes its columns NOT NULL unless nullable= was given. */
function buildColumn(b: Builder, c: ColumnDraft, isPk: boolean, byConstraint: boolean): Column {
  const name = columnName(c);
  const source = typeSource(b, c, new Set());
  const spec = withInheritedSchema(source.column.type, b.table.schema);
  // a type copied from a column whose own type is a guess is one too
  if (source.column !== c && source.column.typeDoubtful && spec) {
    b.unresolved.push({ ...c.source, symbol: c.attr ?? name, reason: messages.doubtfulCopiedType(`${source.table.name}.${columnName(source.column)}`) });
  }
  // a GeoAlchemy2 type of the column's own, attached to the table: nullable=False there makes the column NOT NULL
  const nullable = c.type?.spatial?.nullable === false ? false : nullableOf(c, isPk, byConstraint);
  let rendered = { type: 'NULLTYPE', enum: null as string[] | null };
  const inherited = spec ? undefined : knownTypeOf(b, c, new Set());
  if (spec) {
    rendered = renderType(attachedSpatialSpec(spec, nullable, b.dialect), b.dialect);
    if (!isKnownType(spec, b.dialect)) {
      const reason = spec.compiled?.[b.dialect] === null ? messages.compiledType(spec.name) : messages.unknownType(spec.name);
      b.unresolved.push({ ...c.source, symbol: c.attr ?? name, reason });
    }
  } else if (inherited) {
    rendered = { type: inherited.type, enum: inherited.enum };
  } else if (c.unresolved.length === 0) {
    const targets = b.fkTargets.get(c) ?? [];
    const reason = targets.length > 0 ? messages.typelessFkTarget(targets.join(', ')) : messages.noType;
    b.unresolved.push({ ...c.source, symbol: c.attr ?? name, reason });
  }
  return {
    name,
    key: c.attr ?? c.key ?? name,
    type: rendered.type,
    enum: rendered.enum,
    nullable,
    primary_key: isPk,
    unique: c.unique === true,
    index: c.index === true,
    default: c.default,
    server_default: c.serverDefault,
    comment: c.comment,
    foreign_keys: [...(b.fkTargets.get(c) ?? [])].sort(),
    // a column a library shim declares stands where the model class takes it in
    source: isShimFile(c.source.file) && b.table.source ? { file: b.table.source.file, line: b.table.source.line } : c.source,
  };
}

function dotted(t: FkTarget): string {
  return [t.schema, t.table, t.column].filter(Boolean).join('.');
}

/** A draft's given name, as the naming convention reads it. */
const given = (d: GivenName): Pick<NamingInput, 'name' | 'converted'> & Pick<GivenName, 'namedBy'> => ({
  name: d.name,
  ...(d.converted ? { converted: true } : {}),
  ...(d.namedBy ? { namedBy: d.namedBy } : {}),
});

type NamingRequest = Omit<NamingInput, 'table'> & Pick<GivenName, 'namedBy'>;

/**
 * A copy's constraint has the name its original has (a `conv` name then); one its original leaves unnamed is named
 * by the copy's own convention, as it is attached to the copy.
 */
function naming(b: Builder, request: NamingRequest, where: { file: string; line: number }): string | null {
  const { namedBy, ...input } = request;
  const under = (table: TableDraft): string | null | NotKnown => constraintName(table.meta, { ...input, table }, b.dialect, b.run);
  const original = namedBy ? under(namedBy) : null;
  const name = original === null ? under(b.table) : original;
  if (name === null || typeof name === 'string') return name;
  // only the place: `where` may be a whole draft (a foreign key) whose other fields do not belong in the JSON
  b.unresolved.push({ file: where.file, line: where.line, reason: `name of ${input.kind} constraint from a naming convention not known statically: ${name.reason}` });
  return input.name;
}

function namingColumns(cols: ColumnDraft[]): Array<{ name: string; key: string }> {
  return cols.map((c) => ({ name: columnName(c), key: columnObjectKey(c) }));
}

/** What a naming convention reads of a foreign key's targets; `target_fullname` is the string as written. */
function referredOf(targets: FkTarget[], written: Value[]): NonNullable<NamingInput['referred']> {
  return {
    schema: targets[0]!.schema,
    table: targets[0]!.table,
    columns: targets.map((t) => t.column),
    fullnames: targets.map((t, i) => (written[i]?.t === 'str' ? written[i].v : dotted(t))),
  };
}

function buildForeignKeys(b: Builder): ColumnFk[] {
  const out: ColumnFk[] = [];
  const note = (c: ColumnDraft, target: FkTarget): void => {
    b.fkTargets.set(c, [...(b.fkTargets.get(c) ?? []), dotted(target)]);
  };
  for (const c of b.table.columns) {
    for (const fk of c.foreignKeys) {
      const target = targetOf(b, tableOnlyTarget(fk.target, c), fk);
      if (!target) {
        b.unresolved.push({ file: fk.file, line: fk.line, symbol: c.attr ?? columnName(c), reason: messages.unresolvedFk('(expression)') });
        continue;
      }
      note(c, target);
      reportDangling(b, target, [columnName(c)], fk);
      const name = naming(b, { kind: 'fk', ...given(fk), columns: namingColumns([c]), referred: referredOf([target], [fk.target]) }, fk);
      out.push({ name, columns: [columnName(c)], referred_schema: target.schema, referred_table: target.table, referred_columns: [target.column], ondelete: fk.ondelete, onupdate: fk.onupdate });
    }
  }
  for (const con of b.table.constraints) {
    if (con.k !== 'fkc') continue;
    const cols = refColumns(b, con.columns);
    const targets = con.targets.map((v) => targetOf(b, v, con));
    // none at all: a call the parser recovered from a syntax error (reported there)
    if (targets.length === 0 || targets.some((t) => !t) || cols.length !== targets.length) {
      b.unresolved.push({ ...(b.table.source ?? { file: '', line: 0 }), reason: 'ForeignKeyConstraint columns not known statically' });
      continue;
    }
    const resolved = targets as FkTarget[];
    cols.forEach((c, i) => note(c, resolved[i]!));
    const where = b.table.source ?? { file: '', line: 0 };
    resolved.forEach((target, i) => reportDangling(b, target, [columnName(cols[i]!)], where));
    const name = naming(b, { kind: 'fk', ...given(con), columns: namingColumns(cols), referred: referredOf(resolved, con.targets) }, where);
    out.push({ name, columns: cols.map(columnName), referred_schema: resolved[0]!.schema, referred_table: resolved[0]!.table, referred_columns: resolved.map((t) => t.column), ondelete: con.ondelete, onupdate: con.onupdate });
  }
  return sortedAs(out, (f) => [f.columns, f.referred_schema ?? '', f.referred_table, f.referred_columns]);
}

/**
 * `ForeignKey("neighbour")` names a table only: SQLAlchemy looks in it for the column of its own column's key
 * (MAAS's `neighbour_id`).
 */
function tableOnlyTarget(target: Value, c: ColumnDraft): Value {
  return target.t === 'str' && !target.v.includes('.') ? { t: 'str', v: `${target.v}.${columnObjectKey(c)}` } : target;
}

/**
 * A foreign key to a column in no table of its MetaData (`foreign_key="User.id"` for the table `user`): SQLAlchemy
 * raises when it resolves it (NoReferencedTableError at create_all), so it is said, though it is kept as written.
 * Said at the table, whose file a partial extraction rebuilds (a mixin's key is written in another file).
 */
function reportDangling(b: Builder, target: FkTarget & { known?: Column }, columns: string[], where: { file: string; line: number }): void {
  if (target.hit || target.known || b.table.meta.outside) return;
  // a copy's key (to_metadata) was moved to the copy's schema: looked up there; a table with unknowns may hold the column
  const spec = dotted(target);
  if (resolveFkTarget(b.x, b.index, b.table, { t: 'str', v: spec })?.hit) return;
  if ((fkStringTable(b.index, b.table, spec)?.unresolved.length ?? 0) > 0 || inOutsideMeta(b.index, target.table)) return;
  const table = b.table.schema ? `${b.table.schema}.${b.table.name}` : b.table.name;
  const at = b.table.source ?? where;
  b.x.orphans.push({ file: at.file, line: at.line, reason: messages.danglingFk(table, columns.join(', '), spec) });
}

/** A table of this name over a base from outside the repository, whose MetaData may be the one a key looks in. */
function inOutsideMeta(index: TableIndex, name: string): boolean {
  return [...index.values()].some((tables) => [...tables.values()].some((t) => t.meta.outside && t.name === name));
}

function uniqueConstraints(b: Builder): UniqueConstraint[] {
  const out: UniqueConstraint[] = [];
  for (const c of b.table.columns) {
    if (c.unique === true && c.index !== true) {
      out.push({ name: naming(b, { kind: 'uq', name: null, columns: namingColumns([c]) }, c.source), columns: [columnName(c)] });
    }
  }
  for (const con of b.table.constraints) {
    // one over a column not known statically is left out (addConstraint reported it), not made with the rest
    if (con.k !== 'uq' || con.columns.some((r) => r.k === 'value' && r.value.t === 'unknown')) continue;
    const where = b.table.source ?? { file: '', line: 0 };
    // one naming what is not a column of the table (`UniqueConstraint(vendor.colname)`): left out the same way, and said
    if (reportStrayRef(b, con.columns, where)) continue;
    const cols = refColumns(b, con.columns);
    out.push({ name: naming(b, { kind: 'uq', ...given(con), columns: namingColumns(cols) }, where), columns: cols.map(columnName) });
  }
  return sortedAs(out, (u) => [u.columns, u.name ?? '']);
}

function indexes(b: Builder): Index[] {
  const out: Index[] = [];
  for (const c of b.table.columns) {
    if (c.index === true) {
      out.push({ name: naming(b, { kind: 'ix', name: null, columns: namingColumns([c]) }, c.source), columns: [columnName(c)], unique: c.unique === true });
    }
    // GeoAlchemy2's after_parent_attach: an index named for the table and column (a raster's over its convex hull)
    const spatial = c.type?.spatial;
    if (spatial?.index) {
      const column = spatial.raster ? `ST_ConvexHull(${quoteIdentifier(columnName(c), b.dialect)})` : columnName(c);
      const name = naming(b, { kind: 'ix', name: `idx_${b.table.name}_${columnName(c)}`, columns: namingColumns([c]) }, c.source);
      out.push({ name, columns: [column], unique: false });
    }
  }
  for (const con of b.table.constraints) {
    if (con.k !== 'ix') continue;
    const exprs = con.columns.map((ref) => sqlOfRef(b.x, b.table, ref));
    const where = b.table.source ?? { file: '', line: 0 };
    if (exprs.some((e) => e === undefined)) {
      b.unresolved.push({ ...where, reason: `index ${con.name ?? ''} expression not known statically`.replace('  ', ' ') });
      continue;
    }
    out.push({ name: naming(b, { kind: 'ix', ...given(con), columns: namingColumns(indexColumns(b, con.columns)) }, where), columns: exprs as string[], unique: con.unique });
  }
  return sortedAs(out, (i) => [i.name ?? '', i.columns]);
}

function checks(b: Builder): Table['check_constraints'] {
  const out: Table['check_constraints'] = [];
  const where = b.table.source ?? { file: '', line: 0 };
  for (const c of b.table.columns) {
    for (const ck of c.checks) out.push({ name: naming(b, { kind: 'ck', ...given(ck), columns: [] }, c.source), sqltext: checkSqlText(b, ck, c.source) });
  }
  for (const con of b.table.constraints) {
    if (con.k === 'ck') out.push({ name: naming(b, { kind: 'ck', ...given(con), columns: [] }, where), sqltext: checkSqlText(b, con, where) });
  }
  return sortedAs(out, (c) => [c.sqltext, c.name ?? '']);
}

/** A CHECK's SQL; an expression outside what is compiled here keeps its source text, and says so. */
function checkSqlText(b: Builder, ck: CheckDraft, where: { file: string; line: number }): string {
  if (!ck.expr) return ck.sqltext;
  const sql = expressionSql(b.x, b.table, ck.expr, b.dialect);
  if (sql === undefined) b.unresolved.push({ ...where, reason: messages.checkExpression(ck.sqltext) });
  return sql ?? ck.sqltext;
}

type SortKey = Array<string | string[]>;

/** Sorted as the oracle sorts them (Python's ordering of tuples of strings and lists of strings), stably. */
function sortedAs<T>(items: T[], keyOf: (item: T) => SortKey): T[] {
  const keyed = items.map((item) => ({ item, key: keyOf(item) }));
  return keyed.sort((p, q) => compareKeys(p.key, q.key)).map(({ item }) => item);
}

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i]!, b[i]!];
    const sign = Array.isArray(x) && Array.isArray(y) ? compareKeys(x, y) : compareText(x as string, y as string);
    if (sign !== 0) return sign;
  }
  return a.length - b.length;
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
