// `schemaguard schema [PATH...]`: the schema the SQLAlchemy models declare, as text, JSON or Mermaid.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Option, type Command } from 'commander';
import { messages } from '../../extract/messages.js';
import { DIALECTS, type Dialect, type Schema } from '../../schema/types.js';
import { EXIT, type CommandContext } from '../context.js';
import { VERSION } from '../version.js';
import { CHECK_MESSAGES } from '../../check/messages.js';
import { UserError } from '../errors.js';
import type { Printed } from '../../check/session.js';
import type { ContextFactory, SetExit } from './index.js';

const FORMATS = ['text', 'json', 'mermaid'] as const;
type Format = (typeof FORMATS)[number];

/** Loaded on use: every command registers at start-up, and a hook's check must not pay for the extractor. */
async function render(format: Format, schema: Schema): Promise<string> {
  if (format === 'json') return `${JSON.stringify(schema, null, 2)}\n`;
  if (format === 'mermaid') return (await import('../../report/schema-mermaid.js')).renderSchemaMermaid(schema);
  return (await import('../../report/schema-text.js')).renderSchemaText(schema);
}

async function print(format: Format, schema: Schema): Promise<Printed> {
  const stderr = schema.diagnostics.map((d) => `${d.file ?? '?'}:${d.line ?? 0}: ${d.message}\n`).join('');
  return { stderr, stdout: await render(format, schema) };
}

interface SchemaOptions {
  format: Format;
  dialect?: Dialect;
  ref?: string;
  staged?: boolean;
}

export function registerSchema(program: Command, context: ContextFactory, setExit: SetExit): void {
  program
    .command('schema')
    .description('print the database schema the SQLAlchemy models declare (read statically, nothing is imported)')
    .argument('[path...]', 'model files or directories (default: the repository root)')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .addOption(new Option('--dialect <dialect>', 'SQL dialect the types are rendered for (default: the config\'s, else postgresql)').choices([...DIALECTS]))
    .option('--ref <rev>', 'read the models at this git revision instead of the working tree')
    .option('--staged', 'read the models as staged in the index (what the next commit holds)')
    .action(async (paths: string[], options: SchemaOptions) => {
      const ctx = context();
      const printed = options.ref !== undefined || options.staged ? await print(options.format, await schemaAtRevision(ctx, paths, options)) : await printWorktreeSchema(ctx, paths, options);
      ctx.stderr.write(printed.stderr);
      ctx.stdout.write(printed.stdout);
      setExit(EXIT.pass);
    });
}

/** `--ref REV` / `--staged`: through git, with the config's model globs and the blob cache, like a check. */
async function schemaAtRevision(ctx: CommandContext, paths: string[], options: SchemaOptions): Promise<Schema> {
  if (paths.length > 0) throw new UserError(CHECK_MESSAGES.pathsWithRevision, CHECK_MESSAGES.pathsWithRevisionHint);
  if (options.ref !== undefined && options.staged) throw new UserError(CHECK_MESSAGES.refAndStaged);
  const { withRevisions } = await import('../../check/revision-session.js');
  const result = await withRevisions(
    {
      cwd: ctx.globals.cwd,
      env: ctx.env,
      toolVersion: VERSION,
      ...(options.dialect === undefined ? {} : { dialect: options.dialect }),
      ...(ctx.globals.config === undefined ? {} : { configPath: resolve(ctx.globals.cwd, ctx.globals.config) }),
    },
    ({ schemaAt }) => schemaAt(options.staged ? ':staged' : (options.ref ?? 'HEAD')),
  );
  return result.schema;
}

/** The working tree from disk; the config (when there is one) gives the dialect, model globs and exclusions. */
async function printWorktreeSchema(ctx: CommandContext, paths: string[], options: SchemaOptions): Promise<Printed> {
  const { root, models, commonDir } = pickRoot(ctx.globals.cwd, paths);
  const [{ readWorktreeFiles }, { printWorktree }, { loadConfig }] = await Promise.all([
    import('../../git/worktree.js'),
    import('../../check/worktree-schema.js'),
    import('../../config/load.js'),
  ]);
  const { config } = await loadConfig({
    cwd: root,
    ...(ctx.globals.config === undefined ? {} : { configPath: resolve(ctx.globals.cwd, ctx.globals.config) }),
  });
  const files = await readWorktreeFiles(root, { exclude: config.exclude }).catch((error: unknown) => {
    throw new UserError(messages.cannotRead(root, error instanceof Error ? error.message : String(error)));
  });
  if (files.length === 0) throw new UserError(messages.noPythonFiles(root));
  const globs = models ?? config.models;
  const extract = { dialect: options.dialect ?? config.dialect, ...(globs ? { models: globs } : {}) };
  return printWorktree(commonDir, files, extract, VERSION, options.format, ({ schema }) => print(options.format, schema));
}

/** The repository holding `dir`: its working-tree root and common git dir (where the caches live); null outside one. */
function repositoryOf(dir: string): { toplevel: string; commonDir: string } | null {
  try {
    const [toplevel, commonDir] = execFileSync('git', ['rev-parse', '--show-toplevel', '--git-common-dir'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split('\n');
    return toplevel && commonDir ? { toplevel, commonDir: resolve(dir, commonDir) } : null;
  } catch {
    return null;
  }
}

/**
 * Module names come from the root. One directory that is not a package (a project of its own) is its own
 * root; otherwise the repository root is, and the given paths select the model files.
 */
function pickRoot(cwd: string, paths: string[]): { root: string; models?: string[]; commonDir: string | null } {
  const full = paths.map((p) => resolve(cwd, p));
  for (const p of full) if (!existsSync(p)) throw new UserError(messages.noSuchPath(p));
  const only = full.length === 1 ? full[0]! : undefined;
  if (only && statSync(only).isDirectory() && !existsSync(join(only, '__init__.py'))) return { root: only, commonDir: repositoryOf(only)?.commonDir ?? null };
  const repository = repositoryOf(cwd);
  const root = repository?.toplevel ?? cwd;
  const commonDir = repository?.commonDir ?? null;
  if (full.length === 0) return { root, commonDir };
  const models = full.map((p) => {
    const rel = relative(root, p).split(sep).join('/');
    return statSync(p).isDirectory() ? `${rel ? `${rel}/` : ''}**/*.py` : rel;
  });
  return { root, models, commonDir };
}
