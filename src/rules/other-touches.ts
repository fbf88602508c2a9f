// Non-additive changes no dedicated rule reports: the contract and downstream rules cover these.
import type { SchemaChange, TableRef } from '../schema/changes.js';
import type { SourceRef } from '../schema/types.js';
import { createdTables, qualified } from './select.js';

export interface Touch {
  change: SchemaChange;
  table: TableRef;
  column?: string;
  source: SourceRef | null;
  what: string;
}

// Aspects that change what readers or writers see; comments and plain indexes do not.
const READER_ASPECTS = new Set(['default', 'server_default', 'foreign_keys']);

export function otherTouches(changes: readonly SchemaChange[]): Touch[] {
  const created = createdTables(changes);
  const touches: Touch[] = [];
  for (const change of changes) {
    if (change.kind === 'invalid-rename-declaration' || created.has(qualified(change.table))) continue;
    const base = { change, table: change.table, source: change.source };
    if (change.kind === 'modify-column') {
      const aspects = change.changes.filter((aspect) => READER_ASPECTS.has(aspect));
      if (aspects.length > 0) touches.push({ ...base, column: change.column, what: aspects.join(', ').replaceAll('_', ' ') });
    } else if (change.kind === 'drop-unique' || change.kind === 'drop-check') {
      touches.push({ ...base, what: change.kind === 'drop-unique' ? 'unique constraint dropped' : 'check constraint dropped' });
    } else if (change.kind === 'add-check' || change.kind === 'add-foreign-key') {
      touches.push({ ...base, what: change.kind === 'add-check' ? 'check constraint added' : 'foreign key added' });
    }
  }
  return touches;
}
