// What schemaguard knows of libraries outside the repository that models are built on (their code is not read).

/**
 * Libraries' subclasses of Flask-SQLAlchemy's extension, with the declarative base their `db.Model` is: Flask-AppBuilder's
 * `SQLA` hands Flask-SQLAlchemy its own `Model`.
 */
export const OUTSIDE_FLASK_DBS: ReadonlyMap<string, string> = new Map([
  ['flask_appbuilder.SQLA', 'flask_appbuilder.Model'],
  ['flask_appbuilder.models.sqla.SQLA', 'flask_appbuilder.models.sqla.Model'],
]);

/** Declarative bases from outside known to add no column (Flask-AppBuilder's `Model` sets `extend_existing` and methods). */
export const OUTSIDE_ROOTS: ReadonlySet<string> = new Set(OUTSIDE_FLASK_DBS.values());

/** sqlalchemy-mixins' mixins with no column, by the submodule each is defined in (TimestampsMixin is a shim's). */
const SQLALCHEMY_MIXINS: ReadonlyMap<string, string> = new Map([
  ['ActiveRecordMixin', 'activerecord'],
  ['ActiveRecordMixinAsync', 'activerecordasync'],
  ['SmartQueryMixin', 'smartquery'],
  ['ReprMixin', 'repr'],
  ['SerializeMixin', 'serialize'],
  ['EagerLoadMixin', 'eagerload'],
  ['InspectionMixin', 'inspection'],
  ['SessionMixin', 'session'],
  ['AllFeaturesMixin', ''],
]);

/**
 * Mixins from outside known to add no column nor any mapping directive, read from their source: Flask-Login's user
 * mixins (properties and methods), SQLAlchemy-serializer's SerializerMixin (serialization settings, to_dict()),
 * Flask-Security's UserMixin, RoleMixin and WebAuthnMixin (methods; its `fsqla` mixins are shims) and sqlalchemy-mixins'
 * query and repr helpers.
 */
const OUTSIDE_PLAIN_MIXINS: ReadonlySet<string> = new Set([
  'flask_login.UserMixin',
  'flask_login.AnonymousUserMixin',
  'flask_login.mixins.UserMixin',
  'flask_login.mixins.AnonymousUserMixin',
  'sqlalchemy_serializer.SerializerMixin',
  'sqlalchemy_serializer.serializer.SerializerMixin',
  'flask_security.UserMixin',
  'flask_security.RoleMixin',
  'flask_security.core.UserMixin',
  'flask_security.core.RoleMixin',
  'flask_security.WebAuthnMixin',
  'flask_security.core.WebAuthnMixin',
  ...[...SQLALCHEMY_MIXINS].flatMap(([name, module]) => [`sqlalchemy_mixins.${name}`, ...(module ? [`sqlalchemy_mixins.${module}.${name}`] : [])]),
]);

/** Whether an outside base is known to add no column: a known outside declarative base or plain mixin. */
export function addsNoColumn(name: string): boolean {
  return OUTSIDE_ROOTS.has(name) || OUTSIDE_PLAIN_MIXINS.has(name);
}
