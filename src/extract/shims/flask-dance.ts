// Flask-Dance's `OAuthConsumerMixin` (flask_dance/consumer/storage/sqla.py, 7.x; the same columns at its 1.x path
// flask_dance/consumer/backend/sqla.py): a table named for the class, the token as sqlalchemy-utils' JSONType.
import type { Shim } from './shim.js';

export const FLASK_DANCE_SQLA: Shim = {
  module: 'flask_dance.consumer.storage.sqla',
  exports: ['flask_dance.consumer.storage.sqla.OAuthConsumerMixin', 'flask_dance.consumer.backend.sqla.OAuthConsumerMixin'],
  source: `
from datetime import datetime

from sqlalchemy import Column, DateTime, Integer, String
from sqlalchemy.ext.declarative import declared_attr
from sqlalchemy.ext.mutable import MutableDict
from sqlalchemy_utils import JSONType


class OAuthConsumerMixin:
    @declared_attr
    def __tablename__(cls):
        return f"flask_dance_{cls.__name__.lower()}"

    id = Column(Integer, primary_key=True)
    provider = Column(String(50), nullable=False)
    created_at = Column(DateTime, default=datetime.utcnow, nullable=False)
    token = Column(MutableDict.as_mutable(JSONType), nullable=False)
`,
};
