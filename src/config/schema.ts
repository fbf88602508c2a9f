// The configuration's shape, validated with zod; the TypeScript types derive from it.
import { z } from 'zod';
import { CONFIG_MESSAGES, EXPECTED_WORDS } from './messages.js';

export const SEVERITIES = ['block', 'warn', 'info', 'off'] as const;
export type Severity = (typeof SEVERITIES)[number];

const globList = z.array(z.string().min(1));
/** Lineage servers are reached over HTTP only: another scheme is a typo, not a feature. */
const httpUrl = z.url({ protocol: /^https?$/ });
/** The name of the variable that holds the token, never the token itself. */
const envName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
  .describe(EXPECTED_WORDS.envName);

const dbtSource = z.strictObject({
  dbt: z
    .strictObject({
      manifest: z.string().min(1).optional(),
      url: httpUrl.optional(),
      tokenEnv: envName.optional(),
      timeoutMs: z.number().int().positive().optional(),
    })
    .refine((d) => (d.manifest === undefined) !== (d.url === undefined), { message: CONFIG_MESSAGES.exactlyOneDbt }),
});

const openLineageSource = z.strictObject({
  openlineage: z
    .strictObject({
      events: z.string().min(1).optional(),
      url: httpUrl.optional(),
      namespace: z.string().min(1).optional(),
      tokenEnv: envName.optional(),
      timeoutMs: z.number().int().positive().optional(),
    })
    .refine((d) => (d.events === undefined) !== (d.url === undefined), { message: CONFIG_MESSAGES.exactlyOneOpenLineage }),
});

const fileSource = z.strictObject({ file: z.string().min(1) });

export const lineageSourceSchema = z.union([dbtSource, openLineageSource, fileSource]);
export type LineageSourceConfig = z.infer<typeof lineageSourceSchema>;

export const contractSchema = z.strictObject({
  name: z.string().min(1).optional(),
  tables: globList.min(1),
  columns: globList.optional(),
  owners: z.array(z.string().min(1)).default([]),
  policy: z.enum(['block', 'warn']).default('block'),
  allowOverride: z.boolean().default(true),
  /** "table.column" (or "table") -> ISO date after which dropping it is allowed */
  deprecations: z.record(z.string(), z.iso.date()).default({}),
});
export type Contract = z.infer<typeof contractSchema>;

const renameSchema = z.strictObject({
  table: z.string().min(1),
  column: z.string().min(1).optional(),
  from: z.string().min(1),
});
export type RenameDeclaration = z.infer<typeof renameSchema>;

export const configSchema = z.strictObject({
  models: globList.optional(),
  exclude: globList.default([]),
  dialect: z.enum(['postgresql', 'mysql', 'sqlite']).default('postgresql'),
  warehouse: z
    .strictObject({
      database: z.string().min(1).optional(),
      schemas: z.record(z.string(), z.string()).default({}),
      /** app table name -> warehouse relation name, where replication renames tables */
      tables: z.record(z.string(), z.string()).default({}),
    })
    .optional(),
  rules: z.record(z.string(), z.enum(SEVERITIES)).default({}),
  onError: z.enum(['block', 'warn']).default('block'),
  contracts: z.array(contractSchema).default([]),
  renames: z.array(renameSchema).default([]),
  lineage: z
    .strictObject({
      snapshot: z.string().min(1).default('.schemaguard/lineage.json'),
      maxAgeDays: z.number().positive().default(14),
      sources: z.array(lineageSourceSchema).default([]),
    })
    .prefault({}),
});

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
