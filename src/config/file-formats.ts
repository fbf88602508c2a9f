// Text → value for the YAML, JSON and TOML config forms; a syntax error becomes a ConfigSyntaxError with line:column.
// yaml and smol-toml are imported when a file of theirs is read: a hook in a repo without one never pays for them
import { locateJsonFault } from './json-locate.js';

/** Thrown by the loaders; load.ts adds the file name and turns it into a ConfigIssue. */
export class ConfigSyntaxError extends Error {
  constructor(
    readonly format: 'YAML' | 'JSON' | 'TOML',
    readonly reason: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${format}: ${reason}`);
    this.name = 'ConfigSyntaxError';
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** YAML (and so also JSON, which the extension-less .schemaguardrc may hold). A document of only comments is {}. */
export async function parseYamlText(content: string): Promise<unknown> {
  const { parseDocument } = await import('yaml');
  const text = stripBom(content);
  // YAML 1.2 core schema: `2025-01-01` stays a string (YAML 1.1 would make it a Date), as the schema wants
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, version: '1.2' });
  const error = doc.errors[0];
  if (error !== undefined) {
    const { line, column } = lineColumn(text, error.pos[0]);
    throw new ConfigSyntaxError('YAML', error.message, line, column);
  }
  return doc.toJS({ maxAliasCount: 1000 }) ?? {};
}

export function parseJsonText(content: string): unknown {
  const text = stripBom(content);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const fault = locateJsonFault(text);
    if (fault === undefined) throw new ConfigSyntaxError('JSON', (error as Error).message);
    const { line, column } = lineColumn(text, fault.offset);
    throw new ConfigSyntaxError('JSON', fault.reason, line, column);
  }
}

/** TOML dates (smol-toml's TomlDate, a Date) become the strings the schema expects: `2025-06-30` → "2025-06-30". */
function tomlDatesToStrings(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(tomlDatesToStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tomlDatesToStrings(v)]));
  }
  return value;
}

export async function parseTomlText(content: string): Promise<Record<string, unknown>> {
  const { parse: parseToml, TomlError } = await import('smol-toml');
  try {
    return tomlDatesToStrings(parseToml(stripBom(content))) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    // smol-toml's message is "Invalid TOML document: <reason>\n\n<code excerpt>"; keep the reason
    const reason = (error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document:\s*/, '');
    throw new ConfigSyntaxError('TOML', reason, error.line, error.column);
  }
}

/** The `[tool.schemaguard]` table of a pyproject-style TOML document, or undefined. */
export function toolSection(doc: Record<string, unknown>): unknown {
  const tool = doc.tool;
  return tool !== null && typeof tool === 'object' && !Array.isArray(tool)
    ? (tool as Record<string, unknown>).schemaguard
    : undefined;
}
