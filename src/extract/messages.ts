// User-facing sentences of the extractor (unresolved reasons, diagnostics).
import type { Value } from './values.js';

function origin(v: Value): string {
  if (v.t === 'ext') return ` from ${v.name.slice(0, v.name.lastIndexOf('.')) || v.name}`;
  return '';
}

export const messages = {
  typelessFkTarget: (targets: string): string =>
    `no type given, and the column its foreign key names (${targets}) is in no table found: SQLAlchemy would leave its type NullType (and could not create the table), or the table is made where it is not followed`,
  notAModule: 'this file imports SQLAlchemy, but its name is no Python module name (a script, `create-tables.py`), so no import reaches it: tables it declares are not read',
  tableInTwoProjects: (table: string, first: string): string =>
    `table ${table} is declared in two Python projects of this repository (the other in ${first}): changes are judged table by table, by name, so the two are not told apart; list one project's files in the configuration's \`models\` globs`,
  outsideBase: (name: string, v: Value): string =>
    v.t === 'unknown'
      ? `base class ${name} could not be resolved (${v.reason}); columns it adds are unknown`
      : `base class ${name}${origin(v)} is not in the repository; columns it adds are unknown`,
  flagNotKnown: (name: string, why: string): string => `${name} not known statically (${why}): the class is taken as mapped`,
  mappedByFunction: (cls: string, owner: string): string => `${cls} is mapped through ${owner}.__mapper_cls__, a mapper function of its own: columns it adds to this table (a version column) and tables it builds from it (a history table) are not followed`,
  mapperFunction: (cls: string): string => `classes mapped through ${cls}.__mapper_cls__ are mapped by a function of its own: tables or columns it adds (a history table, a version column) are not followed`,
  mapperEvent: (event: string): string => `a "${event}" event listener runs while classes are mapped: tables, columns or indexes it adds are not followed`,
  searchableIndexes: 'sqlalchemy-searchable adds an index to each search-vector column while classes are mapped: those indexes are not followed',
  enumNamespace: (cls: string, meta: string): string =>
    `Enum() of class ${cls}, whose body fills the namespace metaclass ${meta}.__prepare__ makes (bare names may be members): its members are not known statically`,
  metaclassHook: (meta: string, method: string, reason: string): string => `metaclass ${meta}.${method} could not be run statically (${reason}); what it sets on the class is unknown`,
  subclassHook: (owner: string, reason: string): string => `${owner}.__init_subclass__ could not be run statically (${reason}); what it sets on the class is unknown`,
  setNameHook: (owner: string, attr: string, reason: string): string => `${owner}.__set_name__ for ${attr} could not be run statically (${reason}); what it sets on the class is unknown`,
  noTable: (cls: string): string => `mapped class ${cls} has no __tablename__ or __table__ known statically and no mapped parent table; its columns are not extracted`,
  undecidedBranch: (cause: string): string => `defined under an if whose condition is not decidable statically (${cause}); the first branch was read`,
  contextManager: (name: string, why: string): string => `tables made inside \`with ${name}(...)\`: what the context manager sets up on entry (a schema, a prefix) is not followed statically (${why})`,
  contextManagerExit: (name: string, why: string): string => `\`with ${name}(...)\` could not be followed to its exit (${why}): what it undoes there may still apply to later tables`,
  undecidedModuleIf: (cause: string): string => `models defined under an if whose condition is not decidable statically (${cause}); both branches were read`,
  loopNotRun: (cls: string, cause: string): string => `columns set on ${cls} in a loop over a value not known statically (${cause}) are missing`,
  undecidedChange: (cause: string): string => `added under a module-level if whose condition is not decidable statically (${cause}); it may not exist`,
  globalsKey: (cause: string): string => `a module name bound through globals() under a name not known statically (${cause}) cannot be read`,
  namespaceKey: (cause: string): string => `a class attribute set through locals() or vars() under a name not known statically (${cause}) is missing`,
  loopNotRunValue: (cause: string): string => `changed by a loop over a value not known statically (${cause})`,
  loopMayBuild: (cause: string): string => `a loop over a value not known statically (${cause}) builds tables or columns that are missing`,
  tooManyItems: (max: number): string => `more than ${max} items`,
  decoratorMaps: (cls: string, decorator: string, cause: string): string => `class ${cls} is mapped by its decorator @${decorator}, which is not followed statically (${cause}): its table is missing`,
  decoratorsNotRun: (cause: string): string => `a class decorator under @mapped could not be run statically (${cause}); what it sets on the class is missing`,
  decoratorNotRun: (fn: string, cause: string): string => `class decorator ${fn}() could not be run statically (${cause}); the columns it adds are missing`,
  helperNotRun: (fn: string, cause: string): string => `tables built by ${fn}() are missing: ${cause}`,
  comprehensionNotRun: (cause: string): string => `tables built in a comprehension not known statically (${cause}) are missing`,
  constructorNotRun: (cls: string, cause: string): string => `tables built by the constructor of ${cls} may be missing: it could not be followed to its end (${cause})`,
  tableClsHook: (reason: string): string => `__table_cls__ could not be run statically (${reason}); the table is taken as declared`,
  imperativeTable: (cls: string, cause: string): string => `class ${cls} is mapped imperatively to a table not known statically (${cause}): its table is missing`,
  unknownBase: (cls: string, cause: string): string => `class ${cls} declares columns over a base not known statically (${cause}): its table is missing`,
  checkExpression: (source: string): string => `CHECK constraint expression not compiled to SQL statically (${source}); its source is shown`,
  secondaryNotKnown: (cause: string): string => `the secondary table of this relationship is not known statically (${cause}): a table it makes may be missing`,
  unknownTableCall: (cause: string): string => `a Table(...) whose callee is not known statically (${cause}) is missing`,
  tableInLostValue: (cause: string): string => `a Table(...) inside an expression not known statically is missing: ${cause}`,
  lateColumn: (cls: string, reason: string): string => `a column set on ${cls} after the class has a name not known statically (${reason})`,
  unknownKey: (reason: string): string => `an item set under a key not known statically (${reason})`,
  mutation: (reason: string): string => `a change to a module-level value could not be followed statically: ${reason}; what later reads it may differ`,
  tablename: (reason: string): string => `__tablename__ not known statically: ${reason}`,
  tableSchema: (reason: string): string => `schema of the table not known statically (${reason}); it may not be the one shown`,
  tableName: (reason: string): string => `Table() name not known statically: ${reason}`,
  columnKeyword: (keyword: string, reason: string): string => `column ${keyword}= not known statically (${reason}): read as not given`,
  columnArgument: (text: string): string => `column argument ${text} is not understood statically (neither a type nor a constraint known here): the column may be wrong`,
  tableArgument: (text: string): string => `table argument ${text} is not understood statically (neither a column nor a constraint known here): a column or constraint may be missing`,
  tableArgs: (text: string): string => `__table_args__ ${text} is not understood statically (neither a tuple nor a dict known here): constraints, indexes or the schema it gives may be missing`,
  noPrimaryKey: (cls: string): string => `mapped class ${cls} has no primary key known statically (SQLAlchemy maps none without one): a key column or constraint is missing`,
  mappedOutside: (text: string): string => `a Mapped[] attribute is set to ${text}, from a library schemaguard cannot read: a column it may map is missing`,
  serverDefault: (reason: string): string => `column server_default= not known statically (${reason}): its text is shown as ?`,
  subclassHookTables: (owner: string): string => `tables built by ${owner}.__init_subclass__ (Table(...) in the hook) are not followed statically: they are missing`,
  spreadKeywords: (reason: string): string => `keywords passed with ** are not known statically (${reason})`,
  checkText: (reason: string): string => `CHECK constraint text not known statically (${reason}); its source is shown`,
  compiledType: (name: string): string => `type ${name} is compiled by a project @compiles function whose result is not known statically`,
  unknownType: (name: string): string => `type ${name} is not known statically (its DDL comes from a library schemaguard cannot read)`,
  unresolvedFk: (target: string): string => `foreign key target ${target} not found among the extracted tables`,
  syntaxError: (message: string): string => `${message}; the rest of the file was still read`,
  indexTable: 'Index() whose table is not known statically',
  namingConvention: (reason: string): string => `a naming_convention not known statically (${reason}): the names of its constraints and indexes may differ`,
  constraintName: (reason: string): string => `constraint or index name not known statically: ${reason}`,
  constraintColumn: (reason: string): string => `a column of this constraint or index is not known statically (${reason}); it is left out`,
  referredSchemaFn: (reason: string): string => `foreign keys of a to_metadata() copy refer to a schema its referred_schema_fn decides, not known statically (${reason})`,
  tableCopy: (what: string): string => `a table copied with to_metadata() is not extracted: ${what} is not known statically`,
  internal: (error: unknown): string => `schemaguard could not read this statement (this is a bug, please report it): ${error instanceof Error ? error.message : String(error)}`,
  noPythonFiles: (root: string): string => `no Python files to read under ${root}`,
  noSuchPath: (path: string): string => `no such file or directory: ${path}`,
  cannotRead: (root: string, why: string): string => `cannot read ${root}: ${why}`,
} as const;
