// Every rule, sorted by id. Adding a rule: its file, an entry here, a test file and docs/rules/<id>.md.
import { contractColumnTouched } from './contract-column-touched.js';
import { downstreamConsumerAffected } from './downstream-consumer-affected.js';
import { dropColumn } from './drop-column.js';
import { dropTable } from './drop-table.js';
import { enumValueRemoved } from './enum-value-removed.js';
import { foreignKeyDropped } from './foreign-key-dropped.js';
import { invalidRename } from './invalid-rename.js';
import { invalidSuppression } from './invalid-suppression.js';
import { moveSchema } from './move-schema.js';
import { notNullAdded } from './not-null-added.js';
import { nullableAdded } from './nullable-added.js';
import { primaryKeyChanged } from './primary-key-changed.js';
import { renameColumn } from './rename-column.js';
import { renameTable } from './rename-table.js';
import { typeCrossFamily } from './type-cross-family.js';
import { typeNarrowing } from './type-narrowing.js';
import { typeSemantic } from './type-semantic.js';
import { typeWidening } from './type-widening.js';
import type { Rule } from './types.js';
import { uniqueAdded } from './unique-added.js';
import { unresolvedModel } from './unresolved-model.js';

export const RULES: readonly Rule[] = [
  contractColumnTouched,
  downstreamConsumerAffected,
  dropColumn,
  dropTable,
  enumValueRemoved,
  foreignKeyDropped,
  invalidRename,
  invalidSuppression,
  moveSchema,
  notNullAdded,
  nullableAdded,
  primaryKeyChanged,
  renameColumn,
  renameTable,
  typeCrossFamily,
  typeNarrowing,
  typeSemantic,
  typeWidening,
  uniqueAdded,
  unresolvedModel,
];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);
