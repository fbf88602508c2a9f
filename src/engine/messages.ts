// The engine's sentences: why a severity moved, suppressions, overrides, notifications.
export const ENGINE_MESSAGES = {
  escalatedByContract: (label: string) => `raised to block: contract ${label} covers it`,
  escalatedByConsumers: (n: number) => `raised to block: ${n} downstream consumer${n === 1 ? '' : 's'} read${n === 1 ? 's' : ''} it`,
  contractPolicyWarn: (labels: string) => `lowered to warn: the policy of contract ${labels} is warn`,
  demotedNoReader: 'lowered to warn: column-level lineage shows no reader and no contract covers it',
  deprecationPassed: (date: string) => `lowered to warn: the contract's deprecation date (${date}) has passed`,
  unusedSuppression: (rule: string) => `The suppression \`ignore[${rule}]\` matches no finding any more.`,
  unusedSuppressionHelp: 'Remove the comment: nothing on that line needs it now.',
  suppressionRefused: (rule: string, contracts: readonly string[]) =>
    `The suppression \`ignore[${rule}]\` cannot silence its finding: contract ${contracts.join(', ')} does not allow overrides.`,
  suppressionRefusedHelp: 'Follow the safe path, or agree the change with the contract owners and change the contract.',
} as const;
