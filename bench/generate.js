// Generates a synthetic SQLAlchemy model codebase of a given size, for the benchmark.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TYPES = [
  'sa.String(120)', 'sa.Integer()', 'sa.BigInteger()', 'sa.Numeric(12, 2)', 'sa.Boolean()', 'sa.Text()',
  'sa.DateTime(timezone=True)', 'sa.Date()', 'postgresql.JSONB()', 'postgresql.UUID(as_uuid=True)',
];

function modelFile(index, columnsPerModel) {
  const cls = `Entity${index}`;
  const lines = [
    'import enum',
    'import sqlalchemy as sa',
    'from sqlalchemy.dialects import postgresql',
    'from sqlalchemy.orm import Mapped, mapped_column, relationship',
    '',
    'from .base import Base, TimestampMixin',
    'from .constants import NAME_LENGTH',
    '',
    '',
    `class ${cls}Status(enum.Enum):`,
    '    active = "active"',
    '    archived = "archived"',
    '',
    '',
    `class ${cls}(TimestampMixin, Base):`,
    `    """Synthetic model number ${index}."""`,
    '',
    `    __tablename__ = "entity_${index}"`,
    '    __table_args__ = (',
    `        sa.UniqueConstraint("code", "tenant_id", name="uq_entity_${index}_code"),`,
    `        sa.Index("ix_entity_${index}_created", "created_at"),`,
    '    )',
    '',
    '    id: Mapped[int] = mapped_column(primary_key=True)',
    '    code: Mapped[str] = mapped_column(sa.String(NAME_LENGTH), index=True)',
    '    tenant_id: Mapped[int] = mapped_column(sa.ForeignKey("tenant.id", ondelete="CASCADE"))',
    `    status: Mapped[${cls}Status] = mapped_column(default=${cls}Status.active)`,
  ];
  if (index > 0) lines.push(`    parent_id = sa.Column(sa.Integer, sa.ForeignKey("entity_${index - 1}.id"), nullable=True)`);
  for (let c = 0; c < columnsPerModel; c += 1) {
    const type = TYPES[(index + c) % TYPES.length];
    const nullable = c % 3 === 0 ? 'False' : 'True';
    lines.push(`    field_${c} = sa.Column(${type}, nullable=${nullable}, comment="field ${c} of model ${index}")`);
  }
  lines.push('', `    def __repr__(self) -> str:`, `        return f"<${cls} {self.id}>"`, '');
  return lines.join('\n');
}

const BASE = `import datetime

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class TimestampMixin:
    created_at: Mapped[datetime.datetime] = mapped_column(server_default=sa.func.now())
    updated_at: Mapped[datetime.datetime | None]


class Tenant(Base):
    __tablename__ = "tenant"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(80), unique=True)
`;

/** Writes `models` model files into `<dir>/app/models/`; returns the number of lines written. */
export function generateModels(dir, { models, columnsPerModel = 12 }) {
  const pkg = join(dir, 'app', 'models');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(dir, 'app', '__init__.py'), '');
  writeFileSync(join(pkg, '__init__.py'), '');
  writeFileSync(join(pkg, 'base.py'), BASE);
  writeFileSync(join(pkg, 'constants.py'), 'NAME_LENGTH = 64\n');
  let lines = BASE.split('\n').length + 1;
  for (let i = 0; i < models; i += 1) {
    const text = modelFile(i, columnsPerModel);
    writeFileSync(join(pkg, `entity_${i}.py`), text);
    lines += text.split('\n').length;
  }
  return lines;
}
