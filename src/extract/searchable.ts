// sqlalchemy-searchable's make_searchable(): run at import, it listens to every mapper's `instrument_class`, and
// each class mapped after it gets a GIN index `ix_<table>_<column>` over each TSVectorType column of its table.
import { mappedRegistry } from './model-kind.js';
import { mapClass } from './declarative.js';
import type { ColumnDraft } from './drafts.js';
import type { Extraction } from './state.js';
import type { Value } from './values.js';

const MAKE_SEARCHABLE = 'sqlalchemy_searchable.make_searchable';
const TS_VECTOR = /^sqlalchemy_utils(\.types(\.ts_vector)?)?\.TSVectorType$/;

/**
 * A module-level `make_searchable(metadata)` the scan ran (not under an `if` it cannot decide, not given a mapper
 * of its own): true when it is taken in, and the classes mapped from here on get their indexes.
 */
export function noteMakeSearchable(x: Extraction, value: Value): boolean {
  if (value.t !== 'call' || value.callee.t !== 'ext' || value.callee.name !== MAKE_SEARCHABLE) return false;
  if (x.undecided || value.kwargs.has('mapper') || value.args.length > 1) return false;
  x.searchable ??= { calls: new Set(), from: x.ctx.project.created.length };
  x.searchable.calls.add(`${value.file}:${value.line}`);
  return true;
}

/** Whether the make_searchable() call at this file and line has its indexes built (no report is then needed). */
export function isTakenSearchable(x: Extraction, file: string, line: number): boolean {
  return x.searchable?.calls.has(`${file}:${line}`) ?? false;
}

/** The indexes of each class mapped after the first make_searchable(), as its listener adds them. */
export function addSearchIndexes(x: Extraction): void {
  if (!x.searchable) return;
  for (const cls of x.ctx.project.created.slice(x.searchable.from)) {
    if (!mappedRegistry(x, cls)) continue;
    const mapped = mapClass(x, cls);
    if (!mapped?.table || mapped.isSingleTable) continue;
    for (const column of mapped.table.columns.filter(isSearchVector)) {
      const name = `ix_${mapped.table.name}_${column.name ?? column.key}`;
      if (mapped.table.constraints.some((c) => c.k === 'ix' && c.name === name)) continue;
      mapped.table.constraints.push({ k: 'ix', name, unique: false, columns: [{ k: 'key', key: column.key ?? column.name ?? '' }] });
    }
  }
}

function isSearchVector(column: ColumnDraft): boolean {
  const call = column.call;
  if (!call) return false;
  const isTsVector = (v: Value | undefined): boolean => {
    const type = v?.t === 'call' ? v.callee : v;
    return type?.t === 'ext' && TS_VECTOR.test(type.name);
  };
  return call.args.some(isTsVector) || isTsVector(call.kwargs.get('type_'));
}
