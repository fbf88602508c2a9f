// Every user-facing sentence of the configuration area: problems, hints, expected-value words.

export const CONFIG_MESSAGES = {
  expected: (what: string, found: string) => `expected ${what}, found ${found}`,
  unknownKey: (suggestion: string | undefined, known: readonly string[]) =>
    suggestion === undefined
      ? `unknown key; keys allowed here: ${known.join(', ')}`
      : `unknown key, did you mean ${suggestion}?`,
  didYouMean: (suggestion: string) => ` (did you mean ${JSON.stringify(suggestion)}?)`,
  keyGivenTwice: (a: string, b: string) => `given twice, as ${a} and as ${b}; keep one`,
  unionNoKey: (keys: readonly string[], found: string) =>
    `expected a mapping with exactly one of the keys ${keys.join(', ')}, found ${found}`,
  syntax: (format: string, reason: string) => `${format} syntax error: ${reason}`,
  jsThrew: (message: string) => `loading the file failed: ${message}`,
  notFound: 'no such file',
  unreadable: (reason: string) => `cannot read the file: ${reason}`,
  noSection: (where: string) => `has no ${where}`,
  unsupportedType: (extension: string) =>
    `cannot read ${extension} files; use .schemaguardrc(.yaml|.yml|.json|.js|.cjs|.mjs), package.json or pyproject.toml`,
  invalidGlob: (reason: string) => `not a valid glob: ${reason}`,
  deprecationOutsideContract: (key: string) =>
    `${JSON.stringify(key)} names no table (or column) that this contract covers, so it would never apply`,
  unknownRule: (suggestion: string | undefined) =>
    suggestion === undefined ? 'unknown rule' : `unknown rule, did you mean ${suggestion}?`,
  exactlyOneDbt: 'give exactly one of manifest (a path) or url',
  exactlyOneOpenLineage: 'give exactly one of events (a file) or url (a Marquez server)',
  summary: (count: number) => `${count} problems in the configuration:`,
  hintSyntax: 'fix the syntax at the place shown, then run again',
  hintSchema:
    'fix the keys listed; every key is described in .schemaguardrc.example and docs/configuration.md of schemaguard',
  hintJs: 'fix the error in the config file, or use .schemaguardrc.yaml instead',
  hintFile: 'check the file given to --config',
} as const;

/** Words for what a value was expected to be, used by describeExpected. */
export const EXPECTED_WORDS = {
  string: 'a string',
  nonEmptyString: 'a non-empty string',
  url: 'an http(s) URL',
  date: 'a date written YYYY-MM-DD',
  envName: 'an environment variable name (letters, digits, _)',
  number: 'a number',
  wholeNumber: 'a whole number',
  boolean: 'true or false',
  mapping: 'a mapping',
  settings: 'a mapping of settings',
  list: (of: string) => `a list of ${of}`,
  nonEmptyList: (of: string) => `a non-empty list of ${of}`,
  record: (value: string) => `a mapping (name: ${value})`,
  oneOf: (choices: readonly string[]) => `one of ${choices.join(', ')}`,
  greaterThan: (what: string, n: number, inclusive: boolean) => `${what} ${inclusive ? 'of at least' : 'greater than'} ${n}`,
  atMost: (what: string, n: number, inclusive: boolean) => `${what} ${inclusive ? 'of at most' : 'less than'} ${n}`,
  value: 'a valid value',
} as const;

/** Words for what a value turned out to be. */
export const FOUND_WORDS = {
  missing: 'nothing (the key is missing)',
  null: 'nothing (null)',
  emptyString: 'an empty string',
  emptyList: 'an empty list',
  list: 'a list',
  mapping: 'a mapping',
  emptyMapping: 'an empty mapping',
  function: 'a function',
  date: 'a date object',
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean',
  other: (type: string) => `a value of type ${type}`,
  keys: (keys: readonly string[]) => `the key${keys.length === 1 ? '' : 's'} ${keys.join(', ')}`,
  listOf: (n: number) => `a list of ${n} item${n === 1 ? '' : 's'}`,
} as const;
