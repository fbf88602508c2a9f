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
