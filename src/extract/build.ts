// Runs the declarative and Core analysis over the modules and turns the drafts into the Schema.
import type { Diagnostic, Dialect, Schema, Table } from '../schema/types.js';
import { findCompiledTypes } from './compiles.js';
import { createProject, type Ctx } from './context.js';
import { mroOf } from './classes.js';
import { dunderValue } from './declarative-scan.js';
import { mapClass, mapperGivesKey, resolveTablename } from './declarative.js';
import { callProjectCallable } from './evaluate-call.js';
import { buildTable } from './finalize.js';
import { mergeDuplicates } from './table-merge.js';
import { columnObjects } from './column-objects.js';
import { mappedRegistry } from './model-kind.js';
import { defaultConvention, type NamingInput, type TokenRunner } from './naming.js';
import type { KnownTables } from './known-tables.js';
import { indexTables, tableOfRef } from './references.js';
import { attachLaterIndexes } from './module-effects.js';
import { createRegistryState, metaOfValue } from './registry.js';
import { scanModules } from './scan.js';
import { addSearchIndexes } from './searchable.js';
import { addVersionTables } from './continuum.js';
import { definesMapperFunction, reportMapperEvents } from './scan-losses.js';
import type { Extraction } from './state.js';
import type { TableDraft } from './drafts.js';
import { messages } from './messages.js';
import { valueText } from './value-text.js';
import { record, strOrNone, tableRecord, unknown, type ClassInfo, type ModuleInfo, type Value } from './values.js';

/** Evaluation steps per extraction: generous for real code, finite for pathological helpers. */
const STEP_BUDGET = 5_000_000;

export function buildSchema(modules: ModuleInfo[], models: ModuleInfo[], dialect: Dialect, diagnostics: Diagnostic[], known?: KnownTables): Schema {
  const project = createProject(modules, dialect);
  const ctx: Ctx = { project, budget: { steps: STEP_BUDGET } };
  const x: Extraction = { ctx, reg: createRegistryState(), tables: [], tableByCall: new Map(), mapped: new Map(), pending: new Map(), orphans: [], unattached: [], ...(known ? { known } : {}) };
  project.hooks = {
    isMapped: (cls) => mappedRegistry(x, cls) !== null,
    hasInheritedTable: (cls) => mroOf(ctx, cls).slice(1).some((e) => e.k === 'class' && mappedRegistry(x, e.cls) !== null && mapClass(x, e.cls)?.table != null),
    tablenameOf: (cls) => tablenameOf(x, cls),
    hasTable: (cls) => (mappedRegistry(x, cls) !== null && mapClass(x, cls)?.table != null) || inheritedTable(x, cls) !== null,
    ownsTable: (cls) => {
      const mapped = mappedRegistry(x, cls) !== null ? mapClass(x, cls) : null;
      return mapped?.table != null && !mapped.isSingleTable;
    },
    tableName: (cls) => {
      // while a class is scanned (a declared_attr reading `cls.__table__`), Python finds its nearest parent's table
      const table = (mappedRegistry(x, cls) !== null ? mapClass(x, cls)?.table : null) ?? inheritedTable(x, cls);
      return table && !table.unresolved.some((u) => u.symbol === 'schema') ? { name: table.name, schema: table.schema } : undefined;
    },
    mappedColumn: (cls, key) => {
      const mapped = mappedRegistry(x, cls) !== null ? mapClass(x, cls) : null;
      if (!mapped?.table || mapped.isSingleTable) return undefined;
      const at = mapped.table.columns.findIndex((c) => c.key === key || c.name === key);
      return at < 0 ? undefined : columnObjects(x, mapped.table)?.[at];
    },
    tableColumns: (table) => {
      if (table.t !== 'class') return columnObjects(x, tableOfRef(x, table));
      const mapped = mappedRegistry(x, table.cls) !== null ? mapClass(x, table.cls) : null;
      return mapped?.table && !mapped.isSingleTable ? columnObjects(x, mapped.table) : undefined;
    },
    metaTables: (meta) => tablesOfMeta(x, meta),
    declaredAttribute: (cls, name) => {
      const found = dunderValue(x, cls, name);
      return found?.isDeclared ? found.value : undefined;
    },
    metaAttribute: (meta, name) => {
      const info = metaOfValue(ctx, x.reg, meta);
      if (!info) return undefined;
      if (name === 'naming_convention') {
        if (info.namingUnknown) return unknown(info.namingUnknown.reason, info.namingUnknown.file, info.namingUnknown.line);
        return info.convention ?? defaultConvention();
      }
      return info.schemaUnknown ? unknown(info.schemaUnknown, '', 0) : strOrNone(info.schema);
    },
  };
  project.compiled = findCompiledTypes(ctx, models);
  scanModules(x, [...models].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
  attachLaterIndexes(x);
  addSearchIndexes(x);
  addVersionTables(x);
  reportMapperEvents(x, models);
  const tables = mergeDuplicates(x.tables);
  const index = indexTables(tables);
  const run = tokenRunner(x);
  const built: Table[] = tables.flatMap((t) => {
    try {
      return [buildTable(x, index, t, run)];
    } catch (error) {
      diagnostics.push({ file: t.source?.file ?? null, line: t.source?.line ?? null, severity: 'error', message: messages.internal(error) });
      return [];
    }
  });
  reportKeylessMappings(x, built);
  reportMapperFunctions(x, built);
  built.sort(compareTables);
  // a statement in a loop reports the same thing on each turn: said once
  const said = new Set<string>();
  for (const o of x.orphans) {
    const key = `${o.file}:${o.line}:${o.reason}`;
    if (said.has(key)) continue;
    said.add(key);
    diagnostics.push({ file: o.file, line: o.line, severity: 'warning', message: o.reason });
  }
  for (const meta of new Set(tables.map((t) => t.meta))) {
    const unknownNaming = meta.namingUnknown;
    if (unknownNaming) diagnostics.push({ file: unknownNaming.file || null, line: unknownNaming.line || null, severity: 'warning', message: messages.namingConvention(unknownNaming.reason) });
  }
  return { version: 1, dialect, tables: built, diagnostics };
}

/**
 * SQLAlchemy maps no class to a table without a primary key (unless its mapper is given one): such a table here
 * means a key column or constraint was not seen (`id = db.Model.pk()` through a library object), and is said.
 * A joined-inheritance subclass is the exception: its mapper takes the key of the table it inherits (SQLAlchemy
 * only warns that no rows will be persisted in the local table).
 */
function reportKeylessMappings(x: Extraction, built: Table[]): void {
  const byName = new Map(built.map((t) => [`${t.schema ?? ''}.${t.name}`, t]));
  for (const [cls, mapped] of x.mapped) {
    if (!mapped?.table || mapped.isSingleTable) continue;
    const table = byName.get(`${mapped.table.schema ?? ''}.${mapped.table.name}`);
    if (!table || table.primary_key.length > 0 || mapperGivesKey(x, cls) !== false || inheritedTable(x, cls)) continue;
    table.unresolved.push({ file: cls.module.file, line: cls.def.line, symbol: cls.name, reason: messages.noPrimaryKey(cls.name) });
  }
}

/**
 * A class mapped through a `__mapper_cls__` function (the versioned-history recipe) gets what that function adds
 * (a version column, a history table) at mapping time, which is not followed: said on the class's own table.
 */
function reportMapperFunctions(x: Extraction, built: Table[]): void {
  const byName = new Map(built.map((t) => [`${t.schema ?? ''}.${t.name}`, t]));
  for (const [cls, mapped] of x.mapped) {
    if (!mapped?.table || mapped.isSingleTable) continue;
    const owner = mroOf(x.ctx, cls).find((e) => e.k === 'class' && e.cls.def.body.some(definesMapperFunction));
    const table = byName.get(`${mapped.table.schema ?? ''}.${mapped.table.name}`);
    if (owner?.k !== 'class' || !table) continue;
    table.unresolved.push({ file: cls.module.file, line: cls.def.line, symbol: cls.name, reason: messages.mappedByFunction(cls.name, owner.cls.name) });
  }
}

/** The table of the nearest mapped class above `cls` that has one. */
function inheritedTable(x: Extraction, cls: ClassInfo): TableDraft | null {
  for (const e of mroOf(x.ctx, cls).slice(1)) {
    const table = e.k === 'class' && mappedRegistry(x, e.cls) !== null ? mapClass(x, e.cls)?.table : null;
    if (table) return table;
  }
  return null;
}

/** The order of a schema's tables: by schema (none first), then name. */
export function compareTables(a: Table, b: Table): number {
  const [sa, sb] = [a.schema ?? '', b.schema ?? ''];
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function tablenameOf(x: Extraction, cls: ClassInfo): Value {
  const name = resolveTablename(x, cls);
  if (name.t !== 'none') return name;
  return dunderValue(x, cls, '__tablename__')?.value ?? { t: 'none' };
}

/** A ForeignKeyConstraint's `elements` (each ForeignKey's `target_fullname`, `parent`) and `referred_table`. */
function foreignKeyFields(referred: NonNullable<NamingInput['referred']>, columns: Array<[Value, Value]>): Record<string, Value> {
  const referredTable = tableRecord(referred.table, referred.schema);
  // each element's `column`: the referred column, in its table (`constraint.elements[0].column.table.name`)
  const column = (name: string): Value => record({ name: { t: 'str', v: name }, key: { t: 'str', v: name }, table: referredTable });
  const elements = referred.fullnames.map((fullname, i): Value => record({ target_fullname: { t: 'str', v: fullname }, parent: columns[i]?.[1] ?? { t: 'none' }, column: column(referred.columns[i]!) }));
  return { elements: { t: 'seq', kind: 'list', items: elements }, referred_table: referredTable };
}

/** Runs a naming-convention callable with a constraint and a table whose attributes are known. */
function tokenRunner(x: Extraction): TokenRunner {
  return (fn: Value, input: NamingInput) => {
    const columns: Array<[Value, Value]> = input.columns.map((c) => [{ t: 'str', v: c.key }, record({ name: { t: 'str', v: c.name }, key: { t: 'str', v: c.key } })]);
    const table = tableRecord(input.table.name, input.table.schema);
    const constraint = record({ name: strOrNone(input.name), columns: { t: 'dict', entries: columns, collection: true }, table, ...(input.referred ? foreignKeyFields(input.referred, columns) : {}) });
    const result = callProjectCallable(x.ctx, fn, [constraint, table], 'naming_convention', 0);
    if (result?.t === 'str') return result.v;
    return { reason: result?.t === 'unknown' ? result.reason : result ? `a token gave ${valueText(result)}, not a string` : 'a token that is not a project function' };
  };
}

/** The tables built so far on a MetaData, in the order they were made: a Table(...) call, or the table by its key. */
function tablesOfMeta(x: Extraction, meta: Value): Array<[string, Value]> | undefined {
  const info = metaOfValue(x.ctx, x.reg, meta);
  if (!info) return undefined;
  return x.tables.filter((t) => t.meta === info).map((t) => {
    const key = t.schema ? `${t.schema}.${t.name}` : t.name;
    return [key, t.call ?? { t: 'metatable', meta, name: key }];
  });
}
