// Report sentences: headers, summaries, how to override.
export const REPORT_MESSAGES = {
  noSchemaChange: (compared: string) => `schemaguard: no schema change (${compared}).`,
  header: (compared: string, n: number) => `schemaguard: ${n} schema change${n === 1 ? '' : 's'} (${compared})`,
  noOverride: 'a contract forbids overriding this finding: agree the change with its owners and change the contract',
  notifyHeader: (owners: string[]) => `Notify ${owners.join(', ')}. Ready-to-paste messages:`,
  blocked: (blocks: number, warns: number) =>
    `Blocked: ${blocks} breaking change${blocks === 1 ? '' : 's'}${warns > 0 ? `, ${warns} warning${warns === 1 ? '' : 's'}` : ''}.`,
  howToOverride:
    'To let a deliberate change through, give a reason (it is recorded in the commit message):\n  SCHEMAGUARD_OVERRIDE="<why this is safe>" git commit ...',
  howToOverrideMarkdown:
    'To let a deliberate change through, give a reason (it is recorded in the commit message): `SCHEMAGUARD_OVERRIDE="<why this is safe>" git commit ...`',
  overrideForbidden: 'A contract forbids overriding at least one finding: follow the safe path, or change the contract with its owners.',
  overridden: (reason: string, rules: string[]) => `Passed with override (${rules.join(', ')}): ${reason}`,
  sarifRuleHelp: (description: string, id: string) => `${description} See docs/rules/${id}.md in the schemaguard package.`,
  passed: (warns: number, infos: number) => {
    const parts = [
      ...(warns > 0 ? [`${warns} warning${warns === 1 ? '' : 's'}`] : []),
      ...(infos > 0 ? [`${infos} note${infos === 1 ? '' : 's'}`] : []),
    ];
    return `Passed${parts.length > 0 ? ` with ${parts.join(' and ')}` : ''}.`;
  },
} as const;
