// sqlalchemy-utils 0.41's `Timestamp` mixin (sqlalchemy_utils/models.py): two columns. Its `before_update` listener
// changes no DDL.
import type { Shim } from './shim.js';

export const SQLALCHEMY_UTILS_MODELS: Shim = {
  module: 'sqlalchemy_utils.models',
  exports: ['sqlalchemy_utils.Timestamp', 'sqlalchemy_utils.models.Timestamp'],
  source: `
from datetime import datetime

import sqlalchemy as sa


class Timestamp:
    created = sa.Column(sa.DateTime, default=datetime.utcnow, nullable=False)
    updated = sa.Column(sa.DateTime, default=datetime.utcnow, nullable=False)
`,
};
