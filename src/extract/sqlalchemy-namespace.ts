// The public names of the `sqlalchemy` package in SQLAlchemy 2.0.40 (the version the oracle runs), for
// `hasattr(sa, "Uuid")` / `getattr(sa, name)` compatibility shims. Regenerate with the oracle's Python:
//   python3 -c "import sqlalchemy; print(sorted(n for n in dir(sqlalchemy) if not n.startswith('_')))"
export const SQLALCHEMY_NAMES: ReadonlySet<string> = new Set([
  'ARRAY', 'AdaptedConnection', 'Alias', 'AliasedReturnsRows', 'Any', 'AssertionPool', 'AsyncAdaptedQueuePool',
  'BIGINT', 'BINARY', 'BLANK_SCHEMA', 'BLOB', 'BOOLEAN', 'BaseDDLElement', 'BaseRow', 'BigInteger',
  'BinaryExpression', 'BindParameter', 'BindTyping', 'Boolean', 'BooleanClauseList', 'CHAR', 'CLOB', 'CTE',
  'CacheKey', 'Case', 'Cast', 'CheckConstraint', 'ChunkedIteratorResult', 'ClauseElement', 'ClauseList',
  'CollectionAggregate', 'Column', 'ColumnClause', 'ColumnCollection', 'ColumnDefault', 'ColumnElement',
  'ColumnExpressionArgument', 'ColumnOperators', 'Compiled', 'CompoundSelect', 'Computed', 'Connection',
  'Constraint', 'CreateEnginePlugin', 'CursorResult', 'DATE', 'DATETIME', 'DDL', 'DDLElement', 'DECIMAL', 'DOUBLE',
  'DOUBLE_PRECISION', 'Date', 'DateTime', 'DefaultClause', 'Delete', 'Dialect', 'Double', 'Engine', 'Enum',
  'ExceptionContext', 'Executable', 'ExecutableDDLElement', 'ExecutionContext', 'Exists', 'Extract', 'FLOAT',
  'FallbackAsyncAdaptedQueuePool', 'False_', 'FetchedValue', 'Float', 'ForeignKey', 'ForeignKeyConstraint',
  'FromClause', 'FromGrouping', 'FrozenResult', 'Function', 'FunctionElement', 'FunctionFilter', 'GenerativeSelect',
  'Grouping', 'HasCTE', 'HasPrefixes', 'HasSuffixes', 'INT', 'INTEGER', 'Identity', 'Index', 'Insert', 'Inspector',
  'Integer', 'Interval', 'IteratorResult', 'JSON', 'Join', 'LABEL_STYLE_DEFAULT', 'LABEL_STYLE_DISAMBIGUATE_ONLY',
  'LABEL_STYLE_NONE', 'LABEL_STYLE_TABLENAME_PLUS_COL', 'Label', 'LambdaElement', 'LargeBinary', 'Lateral',
  'MappingResult', 'MergedResult', 'MetaData', 'NCHAR', 'NUMERIC', 'NVARCHAR', 'NestedTransaction', 'NotNullable',
  'Null', 'NullPool', 'Nullable', 'Numeric', 'Operators', 'Over', 'PickleType', 'Pool', 'PoolProxiedConnection',
  'PoolResetState', 'PrimaryKeyConstraint', 'QueuePool', 'REAL', 'ReleaseSavepointClause', 'Result', 'ResultProxy',
  'ReturnsRows', 'RollbackToSavepointClause', 'RootTransaction', 'Row', 'RowMapping', 'SMALLINT',
  'SQLColumnExpression', 'SavepointClause', 'ScalarResult', 'ScalarSelect', 'Select', 'SelectBase',
  'SelectLabelStyle', 'Selectable', 'Sequence', 'SingletonThreadPool', 'SmallInteger', 'StatementLambdaElement',
  'StaticPool', 'String', 'Subquery', 'TEXT', 'TIME', 'TIMESTAMP', 'Table', 'TableClause', 'TableSample',
  'TableValuedAlias', 'Text', 'TextAsFrom', 'TextClause', 'TextualSelect', 'Time', 'Transaction', 'True_', 'TryCast',
  'Tuple', 'TupleType', 'TwoPhaseTransaction', 'TypeClause', 'TypeCoerce', 'TypeCompiler', 'TypeDecorator', 'URL',
  'UUID', 'UnaryExpression', 'Unicode', 'UnicodeText', 'UniqueConstraint', 'Update', 'UpdateBase', 'Uuid',
  'VARBINARY', 'VARCHAR', 'Values', 'ValuesBase', 'Visitable', 'WithinGroup', 'alias', 'all_', 'and_', 'annotations',
  'any_', 'asc', 'between', 'bindparam', 'bitwise_not', 'case', 'cast', 'collate', 'column', 'create_engine',
  'create_mock_engine', 'create_pool_from_url', 'cte', 'custom_op', 'cyextension', 'delete', 'desc', 'dialects',
  'distinct', 'engine', 'engine_from_config', 'event', 'exc', 'except_', 'except_all', 'exists', 'extract', 'false',
  'func', 'funcfilter', 'insert', 'insert_sentinel', 'inspect', 'inspection', 'intersect', 'intersect_all', 'join',
  'label', 'lambda_stmt', 'lateral', 'literal', 'literal_column', 'log', 'make_url', 'modifier', 'not_', 'null',
  'nulls_first', 'nulls_last', 'nullsfirst', 'nullslast', 'or_', 'outerjoin', 'outparam', 'over', 'pool',
  'quoted_name', 'result_tuple', 'schema', 'select', 'sql', 'table', 'tablesample', 'text', 'true', 'try_cast',
  'tuple_', 'type_coerce', 'types', 'union', 'union_all', 'update', 'util', 'values', 'within_group',
]);

/** The submodules of `sqlalchemy`, which `from sqlalchemy import orm` imports (pkgutil.iter_modules). */
export const SQLALCHEMY_SUBMODULES: ReadonlySet<string> = new Set([
  'connectors', 'cyextension', 'dialects', 'engine', 'event', 'events', 'exc', 'ext', 'future', 'inspection', 'log', 'orm',
  'pool', 'schema', 'sql', 'testing', 'types', 'util',
]);

// The public names and submodules of `sqlalchemy.orm` in SQLAlchemy 2.0.40:
//   python3 -c "import sqlalchemy.orm as o, pkgutil; print(sorted({n for n in dir(o) if n[0] != '_'} |
//     {m.name for m in pkgutil.iter_modules(o.__path__) if m.name[0] != '_'}))"
export const SQLALCHEMY_ORM_NAMES: ReadonlySet<string> = new Set([
  'AliasOption', 'Any', 'AppenderQuery', 'AttributeEventToken', 'AttributeEvents', 'AttributeState', 'Bundle',
  'CascadeOptions', 'ClassManager', 'ColumnProperty', 'Composite', 'CompositeProperty', 'DeclarativeBase',
  'DeclarativeBaseNoMeta', 'DeclarativeMeta', 'DynamicMapped', 'EXT_CONTINUE', 'EXT_SKIP', 'EXT_STOP',
  'FromStatement', 'IdentityMap', 'InspectionAttr', 'InspectionAttrExtensionType', 'InspectionAttrInfo',
  'InstanceEvents', 'InstanceState', 'InstrumentationEvents', 'InstrumentedAttribute', 'KeyFuncDict', 'Load',
  'LoaderCallableStatus', 'LoaderCriteriaOption', 'MANYTOMANY', 'MANYTOONE', 'Mapped', 'MappedAsDataclass',
  'MappedClassProtocol', 'MappedCollection', 'MappedColumn', 'MappedSQLExpression', 'Mapper', 'MapperEvents',
  'MapperProperty', 'NO_KEY', 'NO_VALUE', 'NotExtension', 'ONETOMANY', 'ORMDescriptor', 'ORMExecuteState',
  'PassiveFlag', 'PropComparator', 'Query', 'QueryContext', 'QueryEvents', 'QueryPropertyDescriptor',
  'QueryableAttribute', 'Relationship', 'RelationshipDirection', 'RelationshipProperty', 'SQLORMExpression',
  'Session', 'SessionEvents', 'SessionTransaction', 'SessionTransactionOrigin', 'Synonym', 'SynonymProperty',
  'UOWTransaction', 'UserDefinedOption', 'WriteOnlyCollection', 'WriteOnlyMapped', 'add_mapped_attribute', 'aliased',
  'annotations', 'as_declarative', 'attribute_keyed_dict', 'attribute_mapped_collection', 'attributes', 'backref',
  'base', 'bulk_persistence', 'class_mapper', 'clear_mappers', 'close_all_sessions', 'clsregistry', 'collections',
  'column_keyed_dict', 'column_mapped_collection', 'column_property', 'composite', 'configure_mappers',
  'contains_alias', 'contains_eager', 'context', 'create_session', 'decl_api', 'decl_base', 'declarative_base',
  'declarative_mixin', 'declared_attr', 'defaultload', 'defer', 'deferred', 'dependency', 'descriptor_props',
  'dynamic', 'dynamic_loader', 'evaluator', 'events', 'exc', 'foreign', 'has_inherited_table', 'identity',
  'immediateload', 'instrumentation', 'interfaces', 'join', 'joinedload', 'keyfunc_mapping', 'lazyload', 'load_only',
  'loading', 'make_transient', 'make_transient_to_detached', 'mapped_collection', 'mapped_column', 'mapper',
  'mapperlib', 'merge_frozen_result', 'merge_result', 'noload', 'object_mapper', 'object_session',
  'orm_insert_sentinel', 'outerjoin', 'path_registry', 'persistence', 'polymorphic_union', 'properties', 'query',
  'query_expression', 'raiseload', 'reconstructor', 'registry', 'relationship', 'relationships', 'remote',
  'scoped_session', 'scoping', 'selectin_polymorphic', 'selectinload', 'session', 'sessionmaker', 'state',
  'state_changes', 'strategies', 'strategy_options', 'subqueryload', 'sync', 'synonym', 'synonym_for', 'undefer',
  'undefer_group', 'unitofwork', 'util', 'validates', 'was_deleted', 'with_expression', 'with_loader_criteria',
  'with_parent', 'with_polymorphic', 'writeonly',
]);
