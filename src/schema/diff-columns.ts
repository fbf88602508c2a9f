// Compares one column at HEAD with its staged counterpart: which aspects changed, and in which direction.
import type { ColumnAspect, ModifyColumn } from './changes.js';
import { classifyTypeChange, typeAspects } from './type-compat.js';
import type { Column, Dialect } from './types.js';

export type ColumnDelta = Pick<
  ModifyColumn,
  'changes' | 'typeChange' | 'removedValues' | 'addedValues' | 'becameNotNull' | 'becameNullable'
>;

const TYPE_ASPECTS: ReadonlySet<ColumnAspect> = new Set(['type', 'length', 'precision', 'enum']);

/** Aspects compared as plain values; the key (Python attribute) and source are not schema. */
const VALUE_ASPECTS = ['nullable', 'default', 'server_default', 'unique', 'index', 'comment', 'primary_key'] as const;

function sortedEqual(a: readonly string[], b: readonly string[]): boolean {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** How each side's `foreign_keys` entries are spelled for comparison (see RenameMaps). */
export interface TargetSpelling {
  readonly before: (target: string) => string;
  readonly after: (target: string) => string;
}

export function compareColumn(before: Column, after: Column, dialect: Dialect, targets: TargetSpelling): ColumnDelta | null {
  const changes: ColumnAspect[] = typeAspects(before, after, dialect);
  for (const aspect of VALUE_ASPECTS) if (before[aspect] !== after[aspect]) changes.push(aspect);
  if (!sortedEqual(before.foreign_keys.map(targets.before), after.foreign_keys.map(targets.after))) changes.push('foreign_keys');
  if (changes.length === 0) return null;
  const hasTypeChange = changes.some((a) => TYPE_ASPECTS.has(a));
  const hasEnumValues = changes.includes('enum') && before.enum !== null && after.enum !== null;
  const was = before.enum ?? [];
  const now = after.enum ?? [];
  return {
    changes: changes.sort(),
    ...(hasTypeChange
      ? { typeChange: classifyTypeChange(before.type, after.type, dialect, { from: before.enum, to: after.enum }) }
      : {}),
    ...(hasEnumValues
      ? { removedValues: was.filter((v) => !now.includes(v)), addedValues: now.filter((v) => !was.includes(v)) }
      : {}),
    becameNotNull: before.nullable && !after.nullable,
    becameNullable: !before.nullable && after.nullable,
  };
}
