// Finds and reads the config (cosmiconfig, repository root only) and validates it; every failure is one ConfigError.
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cosmiconfig, defaultLoaders, type Loaders } from 'cosmiconfig';
import { ConfigError, type ConfigIssue } from './errors.js';
import { ConfigSyntaxError, parseJsonText, parseTomlText, parseYamlText, toolSection } from './file-formats.js';
import { CONFIG_MESSAGES as M } from './messages.js';
import { configSchema, type Config } from './schema.js';
import { validateConfig } from './validate.js';
import { DEDICATED_PLACES, SHARED_PLACES } from './places.js';

export interface LoadConfigOptions {
  /** the repository root: the only directory searched */
  cwd: string;
  /** `--config FILE`: absolute, or relative to cwd; read whatever its name */
  configPath?: string;
  /** rule ids that exist; when given, `rules:` may name no other */
  knownRuleIds?: readonly string[];
}

export interface LoadedConfig {
  config: Config;
  /** absolute path of the file read, null when none was found (defaults) */
  filepath: string | null;
  /** relative paths in the config resolve against this: the config file's directory, else cwd */
  rootDir: string;
}


const yamlLoader = (_: string, content: string): Promise<unknown> => parseYamlText(content);

/**
 * A JS config run again whenever its file changed: Node keeps what it imported or required for the life of the
 * process, and a resident server (src/server/) lives through edits. A CommonJS config is dropped from require's
 * cache first; an ES module one is imported under a URL with its file's version.
 */
async function loadJsFresh(filepath: string): Promise<unknown> {
  if (!filepath.endsWith('.mjs')) {
    const require = createRequire(import.meta.url);
    delete require.cache[filepath];
    try {
      return require(filepath) as unknown;
    } catch (error) {
      // a .js file in an ES module package: imported below
      if ((error as { code?: unknown }).code !== 'ERR_REQUIRE_ESM') throw error;
    }
  }
  const info = await stat(filepath);
  const loaded = (await import(`${pathToFileURL(filepath).href}?v=${info.mtimeMs}-${info.ctimeMs}-${info.size}`)) as { default?: unknown };
  return loaded.default;
}

const LOADERS: Loaders = {
  ...defaultLoaders,
  '.js': loadJsFresh,
  '.cjs': loadJsFresh,
  '.mjs': loadJsFresh,
  '.json': (_, content) => parseJsonText(content),
  '.yaml': yamlLoader,
  '.yml': yamlLoader,
  noExt: yamlLoader,
  // any other name given to --config (`.schemaguardrc.example`) is read as YAML, which JSON also is
  default: yamlLoader,
  // searching: a pyproject.toml without [tool.schemaguard] is no config (null), so the search goes on
  '.toml': async (_, content) => toolSection(await parseTomlText(content)) ?? null,
};
/** --config x.toml: `[tool.schemaguard]` when the file has a [tool] table, else its top-level keys. */
const EXPLICIT_LOADERS: Loaders = {
  ...LOADERS,
  '.toml': async (_, content) => {
    const doc = await parseTomlText(content);
    return doc.tool === undefined ? doc : (toolSection(doc) ?? null);
  },
};

function explorer(searchPlaces: readonly string[], loaders: Loaders, ignoreEmptySearchPlaces: boolean) {
  // cache off: a hook run loads once, and a long-lived caller must see edits
  return cosmiconfig('schemaguard', {
    searchPlaces: [...searchPlaces],
    searchStrategy: 'none',
    loaders,
    cache: false,
    ignoreEmptySearchPlaces,
  });
}

function displayName(filepath: string, cwd: string): string {
  const relative = path.relative(cwd, filepath);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? filepath : relative;
}

/** Any failure while finding or reading the file, turned into the user's words. */
function loadFailure(error: unknown, filepath: string, cwd: string): ConfigError {
  const file = displayName(filepath, cwd);
  if (error instanceof ConfigSyntaxError) {
    const issue: ConfigIssue = { file, message: M.syntax(error.format, error.reason) };
    if (error.line !== undefined) Object.assign(issue, { line: error.line, column: error.column });
    return new ConfigError([issue], M.hintSyntax);
  }
  // an fs error about the config file itself (not one raised by code inside a JS config)
  const { code, path: about } = error as { code?: unknown; path?: unknown };
  if (about === filepath && code === 'ENOENT') return new ConfigError([{ file, message: M.notFound }], M.hintFile);
  if (about === filepath && typeof code === 'string') {
    return new ConfigError([{ file, message: M.unreadable(code) }], M.hintFile);
  }
  return new ConfigError([jsIssue(error, filepath, file)], M.hintJs);
}

/** A JS config that threw: its message, and its line where the stack names the file. */
function jsIssue(error: unknown, filepath: string, file: string): ConfigIssue {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const at = [filepath, pathToFileURL(filepath).pathname]
    // an ES module config is imported with a version query (loadJsFresh)
    .map((name) => new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\?[^:\\s]*)?:(\\d+)(?::(\\d+))?`).exec(stack))
    .find((match) => match !== null);
  const issue: ConfigIssue = { file, message: M.jsThrew(message.split('\n')[0] ?? message) };
  if (at?.[1] !== undefined) issue.line = Number(at[1]);
  if (at?.[2] !== undefined) issue.column = Number(at[2]);
  return issue;
}

type Found = { config: unknown; filepath: string } | null;

async function search(cwd: string): Promise<Found> {
  try {
    const dedicated = await explorer(DEDICATED_PLACES, LOADERS, false).search(cwd);
    return dedicated ?? (await explorer(SHARED_PLACES, LOADERS, true).search(cwd));
  } catch (error) {
    throw loadFailure(error, (error as { filepath?: string }).filepath ?? cwd, cwd);
  }
}

async function loadExplicit(filepath: string, cwd: string): Promise<Found> {
  const extension = path.extname(filepath);
  if (['.ts', '.mts', '.cts'].includes(extension)) {
    throw new ConfigError([{ file: displayName(filepath, cwd), message: M.unsupportedType(extension) }], M.hintFile);
  }
  let result: Found;
  try {
    result = await explorer([], EXPLICIT_LOADERS, false).load(filepath);
  } catch (error) {
    throw loadFailure(error, filepath, cwd);
  }
  if (result === null) {
    const where = path.basename(filepath) === 'package.json' ? '"schemaguard" key' : '[tool.schemaguard] table';
    throw new ConfigError([{ file: displayName(filepath, cwd), message: M.noSection(where) }], M.hintFile);
  }
  return result;
}

export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const cwd = path.resolve(options.cwd);
  const found =
    options.configPath === undefined ? await search(cwd) : await loadExplicit(path.resolve(cwd, options.configPath), cwd);
  if (found === null) return { config: configSchema.parse({}), filepath: null, rootDir: cwd };
  const result = validateConfig(found.config, {
    file: displayName(found.filepath, cwd),
    keyStyle: path.extname(found.filepath) === '.toml' ? 'kebab' : 'camel',
    ...(options.knownRuleIds === undefined ? {} : { knownRuleIds: options.knownRuleIds }),
  });
  if (!result.ok) throw new ConfigError(result.issues, M.hintSchema);
  return { config: result.config, filepath: found.filepath, rootDir: path.dirname(found.filepath) };
}
