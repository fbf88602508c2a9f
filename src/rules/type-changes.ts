// Column type changes of one class, shared by the type rules.
import type { ModifyColumn, SchemaChange, TypeChange, TypeChangeClass } from '../schema/changes.js';
import { createdTables, ofKind, qualified } from './select.js';
import type { FindingCategory, RuleFinding } from './types.js';

export interface ColumnTypeChange {
  change: ModifyColumn;
  typeChange: TypeChange;
}

/** modify-column changes whose type change is of `typeClass`, outside tables created by the same change. */
export function typeChanges(changes: readonly SchemaChange[], typeClass: TypeChangeClass): ColumnTypeChange[] {
  const created = createdTables(changes);
  const found: ColumnTypeChange[] = [];
  for (const change of ofKind(changes, 'modify-column')) {
    const { typeChange } = change;
    if (typeChange !== undefined && typeChange.class === typeClass && !created.has(qualified(change.table))) {
      found.push({ change, typeChange });
    }
  }
  return found;
}

/** The type name or size changed (an enum-only change is the enum rule's). */
export function isSizeOrTypeChange({ change }: ColumnTypeChange): boolean {
  return change.changes.some((aspect) => aspect === 'type' || aspect === 'length' || aspect === 'precision');
}

/** The finding every type rule makes of one column's type change. */
export function typeFinding({ change }: ColumnTypeChange, message: string, help: string, category: FindingCategory = 'type'): RuleFinding {
  return { message, help, category, change, table: change.table, column: change.column, source: change.source };
}
