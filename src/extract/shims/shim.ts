// What a library shim is: one module of a library outside the repository, restated as the Python it declares.

export interface Shim {
  /** the library module it stands for */
  module: string;
  /** the dotted names models import it by (re-exports included), each ending in the name it binds */
  exports: readonly string[];
  /** the declarations, as Python: only what makes columns, tables and types */
  source: string;
}
