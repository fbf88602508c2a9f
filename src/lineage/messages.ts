// Every user-facing sentence of the lineage area: table-level reasons, source errors, sync and impact output.

export const LINEAGE_MESSAGES = {
  // why a reader is known at table level only (stored in the snapshot, shown by `impact`)
  sqlDoesNotParse: (dialect: string, where: string, found: string) =>
    `compiled SQL does not parse as ${dialect}${where ? ` (${where})` : ''}, at: ${found}`,
  sqlNotAQuery: (type: string) => `compiled SQL is a ${type} statement, not a query`,
  sqlEmpty: 'compiled SQL is empty',
  notCompiled: 'no compiled SQL in the manifest (run `dbt compile` or `dbt build` before `schemaguard sync`)',
  relationNotInSql: (relation: string) => `the compiled SQL does not name ${relation}`,
  ambiguousColumns: (columns: string[]) =>
    `unqualified column${columns.length > 1 ? 's' : ''} ${columns.join(', ')} could come from more than one table`,
  tableLevelDependency: (type: string) => `the ${type} depends on the whole table`,
  noColumnLineage: 'the job reports no columnLineage facet for its outputs and no SQL that parses',
  directLineageOnly:
    'the columnLineage facet lists only columns copied into outputs (no indirect lineage, facet before 1-2-0) and the job reports no SQL that parses',
  noColumnsDeclared: 'the consumers file lists no columns for it',

  // input errors (file and what is wrong)
  invalidJson: (file: string, where: string, why: string) => `${file}${where}: not valid JSON: ${why}`,
  unsupportedManifest: (file: string, found: string) =>
    `${file}: unsupported dbt manifest schema ${found} (supported: v7 to v12)`,
  notAManifest: (file: string) => `${file}: not a dbt manifest.json (no metadata.dbt_schema_version)`,
  notOpenLineage: (file: string, where: string) => `${file}${where}: not an OpenLineage event (no job.namespace and job.name)`,
  marquezShape: (url: string, expected: string) => `${url}: unexpected Marquez response (expected ${expected})`,
  consumersFile: (file: string, where: string, why: string) => `${file}${where}: ${why}`,
  corruptSnapshot: (file: string, where: string, why: string) => `${file}${where}: corrupt lineage snapshot: ${why}`,
  newerSnapshot: (file: string, version: number) =>
    `${file}: lineage snapshot version ${version} is newer than this schemaguard understands (1)`,

  // fetching
  httpStatus: (url: string, status: number) => `${url}: HTTP ${status}`,
  httpUnauthorized: (url: string, status: number, tokenEnv: string | undefined) =>
    `${url}: HTTP ${status}${tokenEnv ? `: check the token in $${tokenEnv}` : ': the server wants a token (set tokenEnv)'}`,
  timeout: (url: string, ms: number) => `${url}: no answer within ${ms} ms`,
  network: (url: string, why: string) => `${url}: ${why}`,
  tokenMissing: (name: string) => `environment variable ${name} (tokenEnv) is not set`,
  readFailed: (file: string, why: string) => `${file}: cannot read: ${why}`,

  // sync
  progressFetching: (label: string) => `  ${label}: fetching…`,
  progressDone: (label: string, nodes: number, ms: number) =>
    `  ${label}: done, ${nodes} node${nodes === 1 ? '' : 's'} (${ms} ms)`,
  progressFailed: (label: string, why: string) => `  ${label}: failed: ${why}`,
  noSources: 'no lineage sources are configured',
  noSourcesHint: 'add lineage.sources (dbt, openlineage or file) to your schemaguard config; see docs/lineage.md',
  syncWrote: (file: string, tables: number, nodes: number, sources: number) =>
    `wrote ${file}: ${tables} table${tables === 1 ? '' : 's'}, ${nodes} downstream node${nodes === 1 ? '' : 's'} from ${sources} source${sources === 1 ? '' : 's'}`,
  syncPartial: (failed: number) =>
    `the snapshot is marked partial: ${failed} source${failed === 1 ? '' : 's'} failed and ${failed === 1 ? 'is' : 'are'} missing from it`,
  syncFailed: (failed: number, total: number) => `sync failed: ${failed} of ${total} lineage sources failed`,
  syncKept: (file: string) => `kept the previous snapshot ${file}`,
  syncNothingKept: (file: string) => `wrote nothing; there is no snapshot at ${file} yet`,
  syncFailedHint: 'fix the failing source and run `schemaguard sync` again, or `schemaguard sync --allow-partial` to write what succeeded',
  syncAllFailedHint: 'every source failed: fix them and run `schemaguard sync` again',

  // impact and checks
  staleSnapshot: (file: string, days: number, max: number) =>
    `the lineage snapshot ${file} is ${Math.floor(days)} days old (more than ${max}); run \`schemaguard sync\``,
  partialSnapshot: (file: string) => `the lineage snapshot ${file} is partial: some sources failed when it was written`,
  noSnapshot: (file: string) => `no lineage snapshot at ${file}`,
  noSnapshotHint: 'run `schemaguard sync` to fetch it from the configured sources',
  badTarget: (target: string) => `cannot read "${target}" as TABLE, TABLE.COLUMN or SCHEMA.TABLE.COLUMN`,
  unknownTable: (table: string) => `the lineage snapshot does not know ${table}: no source reports a reader of it`,
  noConsumers: (target: string) => `nothing downstream reads ${target}`,
  impactHeader: (target: string, count: number) =>
    `${target}: ${count} downstream consumer${count === 1 ? '' : 's'}`,
  columnLevelKnown: 'every reader of this table is known at column level',
  columnLevelUnknown: 'some readers are known at table level only: they may read any column',
  partialSnapshotShort: 'the snapshot is partial: some sources failed when it was written',
  shownAbove: '(shown above)',
  owners: (owners: readonly string[]) => `owners: ${owners.join(', ')}`,
  noOwner: 'no owner recorded',
  readsColumns: (columns: readonly string[]) => `reads ${columns.join(', ')}`,
  readsEveryColumn: 'reads every column (select *)',
  readsNoColumn: 'reads no column by name',
  readsTableLevel: (reason: string) => `table level: ${reason}`,
} as const;
