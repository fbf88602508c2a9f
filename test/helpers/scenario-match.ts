// Compares check/diff JSON with a scenario's hand-written expectations, and reduces changes to facts a reverse diff mirrors.
import { z } from 'zod';

const expectedChange = z.strictObject({
  kind: z.string(),
  /** "name" or "schema.name"; the table as the change names it */
  table: z.string().optional(),
  column: z.string().optional(),
  /** the old name of a rename (column name, or table name) */
  from: z.string().optional(),
  /** modify-column: exactly these aspects, in any order */
  aspects: z.array(z.string()).optional(),
  typeClass: z.enum(['widening', 'narrowing', 'cross-family', 'semantic', 'same']).optional(),
  becameNotNull: z.boolean().optional(),
  becameNullable: z.boolean().optional(),
  removedValues: z.array(z.string()).optional(),
  addedValues: z.array(z.string()).optional(),
  /** a drop/add that looks like an undeclared rename carries a hint */
  hasHint: z.boolean().optional(),
});

const expectedFinding = z.strictObject({
  rule: z.string(),
  severity: z.enum(['block', 'warn', 'info']).optional(),
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  table: z.string().optional(),
  column: z.string().optional(),
  suppressed: z.boolean().optional(),
  overridden: z.boolean().optional(),
});

export const expectedSchema = z.strictObject({
  exit: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  changes: z.array(expectedChange),
  findings: z.array(expectedFinding),
  /** rules that must produce no finding at all (e.g. switched off in the scenario's config) */
  absentRules: z.array(z.string()).optional(),
});

export type Expected = z.infer<typeof expectedSchema>;
type ExpectedChange = z.infer<typeof expectedChange>;
type ExpectedFinding = z.infer<typeof expectedFinding>;

interface TableRefJson {
  name: string;
  schema: string | null;
}

/** A change as `--format json` prints it (src/schema/changes.ts serialised). */
export interface ChangeJson {
  kind: string;
  table: TableRefJson | null;
  column?: string;
  from?: string | TableRefJson;
  fromSchema?: string | null;
  changes?: string[];
  typeChange?: { from: string; to: string; class: string };
  becameNotNull?: boolean;
  becameNullable?: boolean;
  removedValues?: string[];
  addedValues?: string[];
  hint?: string;
  before?: unknown;
  after?: unknown;
}

/** A finding as the json report prints it (src/report/json.ts). */
export interface FindingJson {
  rule: string;
  severity: string;
  message: string;
  file: string | null;
  line: number | null;
  table: TableRefJson | null;
  column: string | null;
  suppressed: unknown;
  overridden: boolean;
}

const qualified = (ref: TableRefJson | null | undefined): string | undefined =>
  ref === null || ref === undefined ? undefined : ref.schema === null ? ref.name : `${ref.schema}.${ref.name}`;

const sameSet = (a: readonly string[], b: readonly string[] | undefined) =>
  b !== undefined && a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

function changeMatches(want: ExpectedChange, got: ChangeJson): boolean {
  const from = typeof got.from === 'string' ? got.from : qualified(got.from);
  return (
    want.kind === got.kind &&
    (want.table === undefined || want.table === qualified(got.table)) &&
    (want.column === undefined || want.column === got.column) &&
    (want.from === undefined || want.from === from) &&
    (want.aspects === undefined || sameSet(want.aspects, got.changes)) &&
    (want.typeClass === undefined || want.typeClass === got.typeChange?.class) &&
    (want.becameNotNull === undefined || want.becameNotNull === got.becameNotNull) &&
    (want.becameNullable === undefined || want.becameNullable === got.becameNullable) &&
    (want.removedValues === undefined || sameSet(want.removedValues, got.removedValues ?? [])) &&
    (want.addedValues === undefined || sameSet(want.addedValues, got.addedValues ?? [])) &&
    (want.hasHint === undefined || want.hasHint === (got.hint !== undefined))
  );
}

function findingMatches(want: ExpectedFinding, got: FindingJson): boolean {
  return (
    want.rule === got.rule &&
    (want.severity === undefined || want.severity === got.severity) &&
    (want.file === undefined || want.file === got.file) &&
    (want.line === undefined || want.line === got.line) &&
    (want.table === undefined || want.table === qualified(got.table)) &&
    (want.column === undefined || want.column === got.column) &&
    (want.suppressed === undefined || want.suppressed === (got.suppressed !== null)) &&
    (want.overridden === undefined || want.overridden === got.overridden)
  );
}

export const describeChangeJson = (c: ChangeJson) =>
  `${c.kind} ${qualified(c.table) ?? '-'}${c.column === undefined ? '' : `.${c.column}`}` +
  `${c.changes === undefined ? '' : ` [${c.changes.join(',')}]`}${c.typeChange === undefined ? '' : ` ${c.typeChange.from}->${c.typeChange.to} (${c.typeChange.class})`}`;

export const describeFindingJson = (f: FindingJson) =>
  `${f.rule}/${f.severity} ${f.file ?? '-'}:${f.line ?? '-'} ${qualified(f.table) ?? '-'}${f.column === null ? '' : `.${f.column}`}` +
  `${f.suppressed === null ? '' : ' (suppressed)'}${f.overridden ? ' (overridden)' : ''}: ${f.message}`;

/** Every listed change present, no unlisted change. One message per mismatch, empty when all is well. */
export function unmetChanges(expected: readonly ExpectedChange[], actual: readonly ChangeJson[]): string[] {
  const problems = expected
    .filter((want) => !actual.some((got) => changeMatches(want, got)))
    .map((want) => `missing change ${JSON.stringify(want)}`);
  for (const got of actual) {
    if (!expected.some((want) => changeMatches(want, got))) problems.push(`unexpected change ${describeChangeJson(got)}`);
  }
  return problems;
}

const isBlocking = (f: FindingJson) => f.severity === 'block' && f.suppressed === null && !f.overridden;

/** Every listed finding present, no unlisted blocking finding, no finding of an absent rule. */
export function unmetFindings(expected: Expected, actual: readonly FindingJson[]): string[] {
  const problems = expected.findings
    .filter((want) => !actual.some((got) => findingMatches(want, got)))
    .map((want) => `missing finding ${JSON.stringify(want)}`);
  for (const got of actual) {
    const listed = expected.findings.some((want) => findingMatches(want, got));
    if (!listed && (isBlocking(got) || expected.absentRules?.includes(got.rule))) {
      problems.push(`unexpected finding ${describeFindingJson(got)}`);
    }
  }
  return problems;
}

const FLIP_CLASS: Record<string, string> = { widening: 'narrowing', narrowing: 'widening' };
const SIGN = { add: '+', drop: '-' } as const;

/**
 * What a change says, as order-free facts; `reversed` gives the facts of the change seen backwards, so
 * facts(diff(a, b)) equals facts(diff(b, a), reversed). A rename is a drop of the old name plus an add of
 * the new one: the reverse diff has no `renamed-from` comment (it lives in the newer source), so there it
 * is a plain drop + add. Declarations that rename nothing have no mirror and give no fact.
 */
export function mirrorFacts(changes: readonly ChangeJson[], reversed: boolean): string[] {
  const sign = (s: '+' | '-') => (reversed ? (s === '+' ? '-' : '+') : s);
  const pair = <T>(a: T, b: T): [T, T] => (reversed ? [b, a] : [a, b]);
  const facts: string[] = [];
  for (const c of changes) {
    const table = qualified(c.table) ?? '';
    const [verb, noun] = c.kind.split('-', 2) as [string, string];
    if (c.kind === 'rename-table') {
      facts.push(`${sign('-')}table ${qualified(c.from as TableRefJson)}`, `${sign('+')}table ${table}`);
    } else if (c.kind === 'rename-column') {
      facts.push(`${sign('-')}column ${table}.${String(c.from)}`, `${sign('+')}column ${table}.${c.column}`);
    } else if (c.kind === 'modify-column') {
      facts.push(modifyFact(c, table, reversed));
    } else if (c.kind === 'move-table-schema') {
      const [from, to] = pair(c.fromSchema ?? '', c.table?.schema ?? '');
      facts.push(`move ${c.table?.name} ${from}->${to}`);
    } else if (c.kind === 'primary-key-changed') {
      const [before, after] = pair(JSON.stringify(c.before), JSON.stringify(c.after));
      facts.push(`pk ${table} ${before}->${after}`);
    } else if (verb === 'add' || verb === 'drop') {
      const what = noun === 'table' ? table : noun === 'column' ? `${table}.${c.column}` : `${table} ${JSON.stringify(c.after ?? c.before)}`;
      facts.push(`${sign(SIGN[verb])}${noun === 'foreign' ? 'foreign-key' : noun} ${what}`);
    }
  }
  return facts.sort();
}

function modifyFact(c: ChangeJson, table: string, reversed: boolean): string {
  const type = c.typeChange;
  const typeText = type === undefined ? '' : reversed ? `${type.to}->${type.from} ${FLIP_CLASS[type.class] ?? type.class}` : `${type.from}->${type.to} ${type.class}`;
  const [notNull, nullable] = reversed ? [c.becameNullable, c.becameNotNull] : [c.becameNotNull, c.becameNullable];
  const [removed, added] = reversed ? [c.addedValues, c.removedValues] : [c.removedValues, c.addedValues];
  return [
    `modify ${table}.${c.column}`,
    `[${[...(c.changes ?? [])].sort().join(',')}]`,
    typeText,
    notNull ? 'became-not-null' : '',
    nullable ? 'became-nullable' : '',
    `removed=${[...(removed ?? [])].sort().join(',')}`,
    `added=${[...(added ?? [])].sort().join(',')}`,
  ].join(' ');
}
