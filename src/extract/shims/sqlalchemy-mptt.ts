// sqlalchemy_mptt 0.2's nested-sets mixin (sqlalchemy_mptt/mixins.py), as its columns and indexes are declared: the
// parent key takes the type of the model's primary key (`sqlalchemy_mptt_pk_name`, else `id`). Its relationships
// and tree methods are left out.
import type { Shim } from './shim.js';

export const SQLALCHEMY_MPTT: Shim = {
  module: 'sqlalchemy_mptt.mixins',
  exports: ['sqlalchemy_mptt.BaseNestedSets', 'sqlalchemy_mptt.mixins.BaseNestedSets'],
  source: `
from sqlalchemy import Column, ForeignKey, Index, Integer
from sqlalchemy.ext.declarative import declared_attr


class BaseNestedSets(object):
    @declared_attr
    def __table_args__(cls):
        return (
            Index("%s_lft_idx" % cls.__tablename__, cls.left.name),
            Index("%s_rgt_idx" % cls.__tablename__, cls.right.name),
            Index("%s_level_idx" % cls.__tablename__, cls.level.name),
        )

    @classmethod
    def get_pk_name(cls):
        return getattr(cls, "sqlalchemy_mptt_pk_name", "id")

    @classmethod
    def get_pk_column(cls):
        return getattr(cls, cls.get_pk_name())

    @declared_attr
    def tree_id(cls):
        return Column("tree_id", Integer)

    @declared_attr
    def parent_id(cls):
        pk = cls.get_pk_column()
        if not pk.name:
            pk.name = cls.get_pk_name()

        return Column(
            "parent_id",
            pk.type,
            ForeignKey("{}.{}".format(cls.__tablename__, pk.name), ondelete="CASCADE"),
        )

    @declared_attr
    def left(cls):
        return Column("lft", Integer, nullable=False)

    @declared_attr
    def right(cls):
        return Column("rgt", Integer, nullable=False)

    @declared_attr
    def level(cls):
        return Column("level", Integer, nullable=False, default=0)
`,
};
