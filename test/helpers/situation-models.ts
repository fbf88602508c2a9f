// Small SQLAlchemy 2.0 model files for the git-situation tests, with the line numbers findings point at.
export const USERS_FILE = 'app/models.py';
export const ORDERS_FILE = 'app/orders.py';

const USERS_HEADER = `from typing import Optional

from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
`;

/** Column lines of `users` in HEAD order; enough of them that a change at each end makes two diff hunks. */
const USER_COLUMNS: Record<string, string> = {
  email: '    email: Mapped[str] = mapped_column(String(255))',
  name: '    name: Mapped[str] = mapped_column(String(100))',
  country: '    country: Mapped[Optional[str]] = mapped_column(String(2))',
  city: '    city: Mapped[Optional[str]] = mapped_column(String(100))',
  street: '    street: Mapped[Optional[str]] = mapped_column(String(200))',
  zip_code: '    zip_code: Mapped[Optional[str]] = mapped_column(String(10))',
  phone: '    phone: Mapped[Optional[str]] = mapped_column(String(32))',
  company: '    company: Mapped[Optional[str]] = mapped_column(String(120))',
  job_title: '    job_title: Mapped[Optional[str]] = mapped_column(String(120))',
  nickname: '    nickname: Mapped[Optional[str]] = mapped_column(String(50))',
};

export const HEAD_USER_COLUMNS = ['email', 'name', 'country', 'city', 'street', 'zip_code', 'phone', 'company', 'job_title'];
/** 1-based line of a column in the HEAD file (the header ends with the `id` line, line 14). */
export const headLineOf = (column: string) => 15 + HEAD_USER_COLUMNS.indexOf(column);

/** app/models.py with the HEAD columns minus `drop`, plus `add` at the end. */
export function usersModel(change: { drop?: string[]; add?: string[] } = {}): string {
  const columns = [...HEAD_USER_COLUMNS.filter((c) => !(change.drop ?? []).includes(c)), ...(change.add ?? [])];
  return `${USERS_HEADER}${columns.map((c) => USER_COLUMNS[c]).join('\n')}\n`;
}

/** app/orders.py, optionally with a nullable `note` column (a safe change). */
export function ordersModel(withNote = false): string {
  return `from decimal import Decimal
from typing import Optional

from sqlalchemy import ForeignKey, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models import Base


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    total: Mapped[Decimal] = mapped_column(Numeric(12, 2))
${withNote ? '    note: Mapped[Optional[str]] = mapped_column(String(200))\n' : ''}`;
}

export const PROJECT_FILES = {
  'app/__init__.py': '',
  [USERS_FILE]: usersModel(),
  [ORDERS_FILE]: ordersModel(),
  'README.md': '# shop\n',
};

/** A staged model that does not parse: the colon after the class name is missing. */
export const BROKEN_USERS = usersModel().replace('class User(Base):', 'class User(Base)');
export const BROKEN_LINE = 11;
