// Where config is looked for, in precedence order; a module of its own so the config cache reads it without loading cosmiconfig.

/** The first of these that exists wins (see docs/configuration.md). */
export const DEDICATED_PLACES = [
  '.schemaguardrc',
  '.schemaguardrc.json',
  '.schemaguardrc.yaml',
  '.schemaguardrc.yml',
  '.schemaguardrc.js',
  '.schemaguardrc.cjs',
  '.schemaguardrc.mjs',
  'schemaguard.config.js',
  'schemaguard.config.cjs',
  'schemaguard.config.mjs',
] as const;

/** Consulted after the dedicated files, and only where they hold a `schemaguard` section. */
export const SHARED_PLACES = ['package.json', 'pyproject.toml'] as const;
