// Flask-SQLAlchemy 3.1 model naming: automatic snake_case table names and single-table inheritance
// for subclasses without a primary key (flask_sqlalchemy/model.py).
import { mroOf } from './classes.js';
import { inDict, ownAttrs } from './class-body.js';
import { evalExpr } from './evaluate.js';
import { mapClass } from './declarative.js';
import { isDeclaredAttr, mappedRegistry } from './model-kind.js';
import { registryOf } from './registry.js';
import type { Extraction } from './state.js';
import type { ClassInfo } from './values.js';

/** camel_to_snake_case: `ISBNRecord` -> isbn_record, `UserProfile` -> user_profile. */
export function snakeCase(name: string): string {
  return name.replace(/((?<=[a-z0-9])[A-Z]|(?!^)[A-Z](?=[a-z]))/g, '_$1').toLowerCase().replace(/^_+/, '');
}

function isAbstract(x: Extraction, cls: ClassInfo): boolean {
  const attr = ownAttrs(x, cls).get('__abstract__');
  if (!attr?.expr) return false;
  const v = evalExpr(x.ctx, attr.expr, { module: cls.module, cls, depth: 0 });
  return v.t === 'bool' && v.v;
}

/** should_set_tablename(): the first `__tablename__` up the MRO decides. */
export function shouldSetTablename(x: Extraction, cls: ClassInfo): boolean {
  if (isAbstract(x, cls)) return false;
  for (const e of mroOf(x.ctx, cls)) {
    if (e.k !== 'class') continue;
    const attr = ownAttrs(x, e.cls).get('__tablename__');
    if (!inDict(attr)) continue;
    if (attr!.def) {
      const decorators = attr!.def.decorators.map((d) => evalExpr(x.ctx, d, { module: e.cls.module, cls: e.cls, depth: 0 }));
      if (isDeclaredAttr(decorators)) return false;
    }
    const isDeclarative = registryOf(x.ctx, x.reg, e.cls) !== undefined;
    return !(e.cls === cls || isAbstract(x, e.cls) || !isDeclarative);
  }
  return true;
}

/** __table_cls__: a table is made when the class has a primary key or no base has a table of its own. */
export function flaskKeepsTable(x: Extraction, cls: ClassInfo, hasPrimaryKey: boolean): boolean {
  if (hasPrimaryKey) return true;
  for (const e of mroOf(x.ctx, cls).slice(1)) {
    if (e.k !== 'class' || !mappedRegistry(x, e.cls)) continue;
    const base = mapClass(x, e.cls);
    if (base?.table && !base.isSingleTable) return false;
  }
  return true;
}
