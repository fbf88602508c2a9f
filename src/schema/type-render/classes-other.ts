// Catalog rows for SQL Server and Oracle types a model may use, and SQLModel's AutoString.
import { BOOLEAN, FLOAT, JSON_PARAMS, LENGTH, STRING, TIMEZONE } from './classes-generic.js';
import { autoStringImpl } from './decorators.js';
import { plainClasses, typeClass as c, type ClassTable } from './type-class.js';

// only their behaviour on postgresql/mysql/sqlite matters here: mostly no visitor, so the class name
export const MSSQL_CLASSES: ClassTable = {
  ...plainClasses(['MONEY', 'SMALLMONEY', 'SQL_VARIANT', 'TINYINT']),
  BIT: c('BIT', BOOLEAN),
  DATETIME2: c('DATETIME2', ['precision']),
  DATETIMEOFFSET: c('DATETIMEOFFSET', ['precision']),
  SMALLDATETIME: c('SMALLDATETIME', TIMEZONE),
  DOUBLE_PRECISION: c('DOUBLE_PRECISION', [], { defaults: { precision: 53 } }),
  REAL: c('REAL', [], { defaults: { precision: 24 } }),
  IMAGE: c('IMAGE', LENGTH),
  JSON: c('JSON', JSON_PARAMS),
  NTEXT: c('NTEXT', STRING),
  XML: c('XML', STRING),
  ROWVERSION: c('ROWVERSION', ['convert_int']),
  TIMESTAMP: c('TIMESTAMP', ['convert_int']),
  // mssql.TIME drops its **kwargs: TIME(timezone=True) is still without time zone
  TIME: c('TIME', ['precision'], { defaults: { timezone: false }, keywords: ['precision'] }),
  UNIQUEIDENTIFIER: c('UNIQUEIDENTIFIER', ['as_uuid']),
  VARBINARY: c('VARBINARY', ['length', 'filestream']),
};

export const ORACLE_CLASSES: ClassTable = {
  VARCHAR2: c('VARCHAR2', STRING),
  NVARCHAR2: c('NVARCHAR', STRING, { className: 'NVARCHAR' }),
  NUMBER: c('NUMBER', ['precision', 'scale', 'asdecimal']),
  FLOAT: c('FLOAT', ['binary_precision', 'asdecimal', 'decimal_return_scale']),
  BINARY_DOUBLE: c('BINARY_DOUBLE', FLOAT),
  BINARY_FLOAT: c('BINARY_FLOAT', FLOAT),
  DATE: c('DATE', TIMEZONE),
  TIMESTAMP: c('TIMESTAMP', ['timezone', 'local_timezone']),
  INTERVAL: c('INTERVAL', ['day_precision', 'second_precision']),
  LONG: c('LONG', STRING),
  NCLOB: c('NCLOB', STRING),
  RAW: c('RAW', LENGTH),
  BFILE: c('BFILE', LENGTH),
  ROWID: c('ROWID'),
};

export const SQLMODEL_CLASSES: ClassTable = {
  AutoString: c(null, STRING, { decorates: autoStringImpl }),
};
