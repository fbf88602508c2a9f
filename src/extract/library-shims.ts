// Libraries outside the repository whose mixins and column types models build on (sqlalchemy-utils' Timestamp,
// fastapi-users' user tables, pgvector's types), restated as the Python they declare (src/extract/shims/) and read as
// if they were in the repository: a model over one gets its columns, as SQLAlchemy gives them, instead of a report
// that they are unknown. A shim is parsed once per process, and only for a project that imports its library. sqlalchemy-utils'
// column types stay a table of their own (library-types.ts): several take their DDL from what the library works out
// at run time (passlib's schemes, an impl class), which that table names as not followed where a shim would only fail.
import type { ModuleSummary } from '../python/summary.js';
import type { ModuleInfo } from './values.js';
import { outlineOf } from './outline.js';
import type { Shim } from './shims/shim.js';
import { SQLALCHEMY_UTILS_MODELS } from './shims/sqlalchemy-utils.js';
import { FASTAPI_USERS_ACCESS_TOKEN, FASTAPI_USERS_GENERICS, FASTAPI_USERS_TABLES } from './shims/fastapi-users.js';
import { PGVECTOR_SQLALCHEMY } from './shims/pgvector.js';
import { SQLALCHEMY_MIXINS_TIMESTAMP } from './shims/sqlalchemy-mixins.js';
import { FLASK_DANCE_SQLA } from './shims/flask-dance.js';
import { FASTAPI_RESTFUL_GUID, FASTAPI_UTILS_GUID } from './shims/fastapi-utils.js';
import { SQLALCHEMY_JSON } from './shims/sqlalchemy-json.js';
import { SQLALCHEMY_UTC } from './shims/sqlalchemy-utc.js';
import { AUTHLIB_SQLA_OAUTH2 } from './shims/authlib.js';
import { OSLO_DB_MODELS, OSLO_DB_TYPES } from './shims/oslo-db.js';
import { SQLALCHEMY_FILE } from './shims/sqlalchemy-file.js';
import { FASTAPI_STORAGES, FASTAPI_STORAGES_SQLALCHEMY } from './shims/fastapi-storages.js';
import { SQLALCHEMY_MPTT } from './shims/sqlalchemy-mptt.js';
import { SQLALCHEMY_CITEXT } from './shims/citext.js';
import { SQLALCHEMY_CONTINUUM_TRANSACTION } from './shims/sqlalchemy-continuum.js';
import { ADVANCED_ALCHEMY_BASE, ADVANCED_ALCHEMY_MIXINS, ADVANCED_ALCHEMY_TYPES } from './shims/advanced-alchemy.js';
import { FLASK_SECURITY_ASALIST, FLASK_SECURITY_FSQLA, FLASK_SECURITY_FSQLA_V2, FLASK_SECURITY_FSQLA_V3 } from './shims/flask-security.js';
import {
  ZIGGURAT_BASE,
  ZIGGURAT_EXTERNAL_IDENTITY,
  ZIGGURAT_GROUP,
  ZIGGURAT_GROUP_PERMISSION,
  ZIGGURAT_GROUP_RESOURCE_PERMISSION,
  ZIGGURAT_RESOURCE,
  ZIGGURAT_USER,
  ZIGGURAT_USER_GROUP,
  ZIGGURAT_USER_PERMISSION,
  ZIGGURAT_USER_RESOURCE_PERMISSION,
} from './shims/ziggurat-foundations.js';

const SHIMS: readonly Shim[] = [
  SQLALCHEMY_UTILS_MODELS,
  FASTAPI_USERS_GENERICS,
  FASTAPI_USERS_TABLES,
  FASTAPI_USERS_ACCESS_TOKEN,
  PGVECTOR_SQLALCHEMY,
  SQLALCHEMY_MIXINS_TIMESTAMP,
  FLASK_DANCE_SQLA,
  FASTAPI_UTILS_GUID,
  FASTAPI_RESTFUL_GUID,
  SQLALCHEMY_JSON,
  SQLALCHEMY_UTC,
  FLASK_SECURITY_ASALIST,
  FLASK_SECURITY_FSQLA,
  FLASK_SECURITY_FSQLA_V2,
  FLASK_SECURITY_FSQLA_V3,
  ADVANCED_ALCHEMY_TYPES,
  ADVANCED_ALCHEMY_MIXINS,
  ADVANCED_ALCHEMY_BASE,
  AUTHLIB_SQLA_OAUTH2,
  OSLO_DB_TYPES,
  OSLO_DB_MODELS,
  SQLALCHEMY_FILE,
  FASTAPI_STORAGES,
  FASTAPI_STORAGES_SQLALCHEMY,
  SQLALCHEMY_MPTT,
  SQLALCHEMY_CITEXT,
  SQLALCHEMY_CONTINUUM_TRANSACTION,
  ZIGGURAT_BASE,
  ZIGGURAT_USER,
  ZIGGURAT_GROUP,
  ZIGGURAT_GROUP_PERMISSION,
  ZIGGURAT_GROUP_RESOURCE_PERMISSION,
  ZIGGURAT_RESOURCE,
  ZIGGURAT_USER_GROUP,
  ZIGGURAT_USER_PERMISSION,
  ZIGGURAT_USER_RESOURCE_PERMISSION,
  ZIGGURAT_EXTERNAL_IDENTITY,
];

/** A shim's module name inside the extraction: no import statement can spell it, so only exported names reach it. */
const internalName = (shim: Shim): string => `<library> ${shim.module}`;

const topLevel = (name: string): string => name.split('.')[0]!;

const SHIM_FILE = '<library ';

const fileOf = (shim: Shim): string => `${SHIM_FILE}${shim.module}>`;

/** Whether a declaration's file is a shim's: no file of the repository. */
export const isShimFile = (file: string): boolean => file.startsWith(SHIM_FILE);

/** Each exported dotted name: the shim module holding it and the name it binds there. */
const TARGETS: ReadonlyMap<string, { module: string; attr: string }> = new Map(
  SHIMS.flatMap((shim) => shim.exports.map((name) => [name, { module: internalName(shim), attr: name.slice(name.lastIndexOf('.') + 1) }] as const)),
);

/** Where an outside dotted name is restated: the internal module and the name; undefined when it is not. */
export function shimTarget(name: string): { module: string; attr: string } | undefined {
  return TARGETS.get(name);
}

/** Per top-level name a shim exports under, the libraries whose shims it brings in. */
const LIBRARIES_UNDER: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, Set<string>>();
  for (const shim of SHIMS) {
    for (const name of shim.exports) out.set(topLevel(name), (out.get(topLevel(name)) ?? new Set()).add(topLevel(shim.module)));
  }
  return new Map([...out].map(([name, libs]) => [name, [...libs]]));
})();

const parsed = new Map<Shim, Promise<ModuleSummary>>();

/**
 * The shim modules a project needs, given the top-level names its modules import: those exporting a name under one
 * (`fastapi_users` re-exports the adapter's mixins), with the rest of their library, which they import.
 */
export async function shimModules(imported: ReadonlySet<string>, summarize: (text: string) => Promise<ModuleSummary>): Promise<ModuleInfo[]> {
  const libraries = new Set([...imported].flatMap((name) => LIBRARIES_UNDER.get(name) ?? []));
  const needed = SHIMS.filter((shim) => libraries.has(topLevel(shim.module)));
  return Promise.all(
    needed.map(async (shim) => {
      let summary = parsed.get(shim);
      if (!summary) parsed.set(shim, (summary = summarize(shim.source)));
      const done = await summary;
      return { name: internalName(shim), file: fileOf(shim), isPackage: false, factories: outlineOf(done).factories, body: done.body };
    }),
  );
}
