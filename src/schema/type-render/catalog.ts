// The lookup from a TypeSpec to its catalog row, across SQLAlchemy, its dialect modules and SQLModel.
import type { TypeModule, TypeSpec } from '../type-spec.js';
import { GENERIC_CLASSES } from './classes-generic.js';
import { MSSQL_CLASSES, ORACLE_CLASSES, SQLMODEL_CLASSES } from './classes-other.js';
import { MYSQL_CLASSES, POSTGRESQL_CLASSES, SQLITE_CLASSES } from './classes-dialect.js';
import type { ClassTable, TypeClass } from './type-class.js';

const BY_MODULE: Readonly<Record<TypeModule, ClassTable>> = {
  sqlalchemy: GENERIC_CLASSES,
  postgresql: POSTGRESQL_CLASSES,
  mysql: MYSQL_CLASSES,
  sqlite: SQLITE_CLASSES,
  mssql: MSSQL_CLASSES,
  oracle: ORACLE_CLASSES,
  sqlmodel: SQLMODEL_CLASSES,
};

function own(table: ClassTable | undefined, name: string): TypeClass | undefined {
  return table && Object.hasOwn(table, name) ? table[name] : undefined;
}

/**
 * The class a spec names. Dialect modules and sqlmodel re-export the generic types
 * (`postgresql.VARCHAR is sqlalchemy.VARCHAR`), so a name they do not redefine is the generic one.
 */
export function findTypeClass(spec: TypeSpec): TypeClass | undefined {
  return own(BY_MODULE[spec.module], spec.name) ?? own(GENERIC_CLASSES, spec.name);
}
