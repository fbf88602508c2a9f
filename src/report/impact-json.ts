// `schemaguard impact --format json`: the consumers as data, for scripts (stable: add fields, never rename).
import type { ImpactReport } from '../lineage/impact-report.js';

export function renderImpactJson(report: ImpactReport): string {
  const readers = new Map(report.roots.map((r) => [r.consumer.id, r.reader]));
  const body = {
    version: 1,
    target: report.target,
    table: { schema: report.table.schema, name: report.table.name },
    column: report.column,
    known: report.known,
    column_level_known: report.columnLevelKnown,
    snapshot: { generated_at: report.generatedAt, partial: report.partial },
    consumers: report.consumers.map((c) => {
      const reader = readers.get(c.id);
      return {
        id: c.id,
        type: c.type,
        name: c.name,
        kind: c.kind ?? null,
        url: c.url ?? null,
        owners: c.owners,
        level: c.level,
        via: c.via,
        source: c.source,
        reads: reader === undefined ? null : reader.level === 'table' ? { level: 'table', reason: reader.reason } : { level: 'column', columns: reader.columns },
      };
    }),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
