// A dbt manifest resource -> a lineage node: type, name, URL and owners (exposure owner, group owner, meta).
import { list, obj, str, type Json } from './json-text.js';
import { NODE_TYPES, type LineageNode, type NodeType } from './types.js';

/** dbt resource types that are consumers; tests and unit tests check data, they do not consume it. */
const KEPT: ReadonlySet<string> = new Set<string>(NODE_TYPES.filter((t) => t !== 'job' && t !== 'dataset' && t !== 'consumer'));

/** The manifest's resources by unique_id, whatever section they live in. */
export function manifestResources(manifest: Json): Map<string, Json> {
  const resources = new Map<string, Json>();
  for (const section of ['nodes', 'sources', 'exposures', 'metrics', 'semantic_models', 'saved_queries']) {
    for (const [id, resource] of Object.entries(obj(manifest[section]))) resources.set(id, obj(resource));
  }
  return resources;
}

/** The resource type of a unique_id, from the resource itself or from the id's first segment. */
export function resourceType(id: string, resource: Json | undefined): string {
  return str(resource?.resource_type) ?? id.split('.')[0] ?? '';
}

export function isConsumerType(type: string): type is NodeType {
  return KEPT.has(type);
}

export function dbtNode(id: string, resource: Json, manifest: Json, source: string): LineageNode | null {
  const type = resourceType(id, resource);
  if (!isConsumerType(type)) return null;
  const node: LineageNode = {
    id,
    type,
    name: str(resource.label) ?? str(resource.name) ?? id,
    owners: ownersOf(resource, manifest),
    source,
    children: [],
  };
  const kind = type === 'exposure' ? str(resource.type) : undefined;
  if (kind) node.kind = kind;
  const url = str(resource.url) ?? str(obj(resource.meta).url) ?? str(obj(obj(resource.config).meta).url);
  if (url) node.url = url;
  return node;
}

/**
 * Owners, most specific first: an exposure's `owner`, the owner of the resource's group (dbt ≥ 1.5),
 * then `meta.owner(s)` and `config.meta.owner(s)`. Each as `Name <email>`, `email` or `name`.
 */
export function ownersOf(resource: Json, manifest: Json): string[] {
  const owners: string[] = [];
  const add = (value: unknown): void => {
    for (const owner of Array.isArray(value) ? value : [value]) {
      const text = formatOwner(owner);
      if (text && !owners.includes(text)) owners.push(text);
    }
  };
  add(resource.owner);
  add(groupOwner(resource, manifest));
  for (const meta of [obj(resource.meta), obj(obj(resource.config).meta)]) {
    add(meta.owner);
    add(meta.owners);
  }
  return owners;
}

function groupOwner(resource: Json, manifest: Json): unknown {
  const group = str(resource.group) ?? str(obj(resource.config).group);
  if (group === undefined) return undefined;
  const pkg = str(resource.package_name);
  const groups = Object.values(obj(manifest.groups)).map(obj);
  const found =
    groups.find((g) => g.name === group && (pkg === undefined || g.package_name === pkg)) ??
    groups.find((g) => g.name === group);
  return found?.owner;
}

function formatOwner(owner: unknown): string | undefined {
  if (typeof owner === 'string') return str(owner.trim());
  if (typeof owner !== 'object' || owner === null || Array.isArray(owner)) return undefined;
  const { name, email } = owner as Json;
  const n = str(name);
  const e = str(email);
  if (n && e) return `${n} <${e}>`;
  return e ?? n;
}

/** Downstream edges: the manifest's `child_map`, or `depends_on` turned around when it has none. */
export function childMap(manifest: Json, resources: Map<string, Json>): Map<string, string[]> {
  const children = new Map<string, string[]>();
  const given = manifest.child_map;
  if (typeof given === 'object' && given !== null) {
    for (const [id, kids] of Object.entries(given)) children.set(id, list(kids).filter((k): k is string => typeof k === 'string'));
    return children;
  }
  for (const [id, resource] of resources) {
    for (const parent of list(obj(resource.depends_on).nodes)) {
      if (typeof parent !== 'string') continue;
      children.set(parent, [...(children.get(parent) ?? []), id]);
    }
  }
  return children;
}
