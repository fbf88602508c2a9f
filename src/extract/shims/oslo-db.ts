// oslo.db 17's model mixins and column types (oslo_db/sqlalchemy/models.py and types.py), as their columns are
// declared: OpenStack services' TimestampMixin and SoftDeleteMixin; ModelBase's dict-like methods and ModelIterator
// add no column.
import type { Shim } from './shim.js';

export const OSLO_DB_TYPES: Shim = {
  module: 'oslo_db.sqlalchemy.types',
  exports: ['JsonEncodedType', 'JsonEncodedDict', 'JsonEncodedList', 'SoftDeleteInteger'].map((n) => `oslo_db.sqlalchemy.types.${n}`),
  source: `
from sqlalchemy.dialects import mysql
from sqlalchemy.types import Integer, Text, TypeDecorator


class JsonEncodedType(TypeDecorator):
    type = None
    impl = Text
    cache_ok = True

    def __init__(self, mysql_as_long=False, mysql_as_medium=False):
        super().__init__()
        if mysql_as_long and mysql_as_medium:
            raise TypeError("mysql_as_long and mysql_as_medium are mutually exclusive")
        if mysql_as_long:
            self.impl = Text().with_variant(mysql.LONGTEXT(), "mysql")
        elif mysql_as_medium:
            self.impl = Text().with_variant(mysql.MEDIUMTEXT(), "mysql")


class JsonEncodedDict(JsonEncodedType):
    type = dict
    cache_ok = True


class JsonEncodedList(JsonEncodedType):
    type = list
    cache_ok = True


class SoftDeleteInteger(TypeDecorator):
    impl = Integer
    cache_ok = True
`,
};

export const OSLO_DB_MODELS: Shim = {
  module: 'oslo_db.sqlalchemy.models',
  exports: ['ModelBase', 'ModelIterator', 'TimestampMixin', 'SoftDeleteMixin'].map((n) => `oslo_db.sqlalchemy.models.${n}`),
  source: `
import datetime

from sqlalchemy import Column, DateTime

from oslo_db.sqlalchemy import types


class ModelBase:
    pass


class ModelIterator:
    def __init__(self, model, columns):
        self.model = model
        self.i = columns


# the library's lambdas call oslo_utils' timeutils.utcnow(), the naive UTC time
class TimestampMixin:
    created_at = Column(DateTime, default=lambda: datetime.datetime.utcnow())
    updated_at = Column(DateTime, onupdate=lambda: datetime.datetime.utcnow())


class SoftDeleteMixin:
    deleted_at = Column(DateTime)
    deleted = Column(types.SoftDeleteInteger, default=0)
`,
};
