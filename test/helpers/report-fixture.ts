// Check reports for the report tests, from a real evaluation: a blocked contract break with a downstream consumer,
// a warning, a note, a suppressed drop; with an override reason the break is overridden.
import type { ConfigInput } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { REPORT_VERSION, type CheckReport } from '../../src/report/types.js';
import { dbtModel, evaluateInput, ignore, snapshot } from './rule-context.js';
import { col, inFile, pk, table, withColumn } from './schema-builders.js';

export const USER_FILE = 'app/models/user.py';
export const ORDER_FILE = 'app/models/order.py';

// users: class on line 10, columns id 12, email 13, nickname 14, legacy_flag 15
const users = inFile(USER_FILE, 10, table('users', [pk(), col('email', 'VARCHAR(255)'), col('nickname', 'TEXT', { nullable: false }), col('legacy_flag', 'BOOLEAN')]));
// orders: class on line 5, columns id 7, total 8
const orders = inFile(ORDER_FILE, 5, table('orders', [pk(), col('total', 'NUMERIC(12, 2)')]));

const usersAfter = withColumn(withColumn({ ...users, columns: users.columns.filter((c) => c.name !== 'legacy_flag') }, 'email', { type: 'TEXT' }), 'nickname', {
  nullable: true,
});
const ordersAfter = withColumn(orders, 'total', { type: 'NUMERIC(10, 2)' });

const lineage = snapshot(
  [{ schema: null, name: 'orders', readers: [{ node: 'model.analytics.fct_orders', level: 'column', columns: ['id', 'total'] }] }],
  [dbtModel('fct_orders', ['@acme/analytics'])],
);

export interface ReportOptions {
  overrideReason?: string;
  allowOverride?: boolean;
}

export function checkReport(options: ReportOptions = {}): CheckReport {
  const config: ConfigInput = {
    contracts: [{ name: 'orders-feed', tables: ['orders'], owners: ['@acme/orders'], allowOverride: options.allowOverride ?? true }],
  };
  const input = evaluateInput([users, orders], [usersAfter, ordersAfter], {
    config,
    lineage,
    directives: [ignore(USER_FILE, 10, 'drop-column', 'flag unused since 2024')],
    overrideReason: options.overrideReason ?? null,
  });
  return {
    version: REPORT_VERSION,
    tool: { name: 'schemaguard', version: '0.1.0' },
    compared: 'HEAD -> staged',
    changes: input.changes.slice(),
    verdict: evaluate(input),
    notes: ['the lineage snapshot is 20 days old (maxAgeDays: 14): run `schemaguard sync`'],
  };
}

/** A passing report with one warning under a contract whose owners must still hear of it. */
export function warningReport(): CheckReport {
  const input = evaluateInput([orders], [withColumn(orders, 'total', { nullable: false, server_default: '0' })], {
    config: { contracts: [{ name: 'orders-feed', tables: ['orders'], owners: ['@acme/orders'], policy: 'warn' }] },
  });
  return { ...checkReport(), changes: input.changes.slice(), verdict: evaluate(input), notes: [] };
}
