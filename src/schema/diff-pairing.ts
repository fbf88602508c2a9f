// Pairs BEFORE with AFTER objects (tables or columns) by key, declared renames first.
import type { InvalidRenameReason, RenameOrigin } from './changes.js';
import type { DeclaredRename } from './diff-renames.js';

export interface Pair<T> {
  readonly before: T;
  readonly after: T;
  /** set when a declared rename paired them */
  readonly renamedBy?: RenameOrigin;
}

export interface Pairing<T, D extends DeclaredRename<T>> {
  readonly pairs: Pair<T>[];
  readonly dropped: T[];
  readonly added: T[];
  readonly invalid: { readonly decl: D; readonly reason: InvalidRenameReason }[];
}

export interface PairingInput<T, D extends DeclaredRename<T>> {
  readonly before: readonly T[];
  readonly after: readonly T[];
  readonly key: (x: T) => string;
  readonly declared: readonly D[];
  /** the BEFORE object a declaration's `from` names */
  readonly findOld: (decl: D) => T | undefined;
}

/**
 * A declaration is applied when its old name exists in BEFORE. One whose old name is gone but
 * whose new name already exists in BEFORE is stale (the rename was committed earlier and the
 * comment stayed), and so is one whose old and new names both exist on both sides: neither is
 * reported, unless the old name's AFTER object is itself declared renamed (two names swapped).
 * An old name that exists nowhere is invalid, and so is a second rename onto the same object or
 * from the same old object.
 */
export function pairObjects<T, D extends DeclaredRename<T>>(input: PairingInput<T, D>): Pairing<T, D> {
  const { key } = input;
  // one key may name two objects (the same table name in two MetaData): they pair in the order they come
  const beforeByKey = new Map<string, T[]>();
  for (const b of input.before) {
    const group = beforeByKey.get(key(b));
    if (group === undefined) beforeByKey.set(key(b), [b]);
    else group.push(b);
  }
  const afterKeys = new Set(input.after.map(key));
  const declaredKeys = new Set(input.declared.map((d) => key(d.after)));
  const partnerOf = new Map<T, Pair<T>>();
  const claimed = new Set<T>();
  const invalid: Pairing<T, D>['invalid'] = [];

  for (const decl of input.declared) {
    const old = input.findOld(decl);
    const newKey = key(decl.after);
    const isNewInBefore = beforeByKey.has(newKey);
    if (old === undefined) {
      if (!isNewInBefore) invalid.push({ decl, reason: 'old-name-missing' });
      continue;
    }
    const isOldKept = afterKeys.has(key(old)) && !declaredKeys.has(key(old));
    if (key(old) === newKey || (isNewInBefore && isOldKept)) continue;
    const existing = partnerOf.get(decl.after);
    if (existing !== undefined || claimed.has(old)) {
      if (existing?.before !== old) invalid.push({ decl, reason: 'conflict' });
      continue;
    }
    partnerOf.set(decl.after, { before: old, after: decl.after, renamedBy: decl.origin });
    claimed.add(old);
  }

  for (const a of input.after) {
    const b = beforeByKey.get(key(a))?.find((candidate) => !claimed.has(candidate));
    if (partnerOf.has(a) || b === undefined) continue;
    partnerOf.set(a, { before: b, after: a });
    claimed.add(b);
  }

  return {
    pairs: input.after.flatMap((a) => partnerOf.get(a) ?? []),
    dropped: input.before.filter((b) => !claimed.has(b)),
    added: input.after.filter((a) => !partnerOf.has(a)),
    invalid,
  };
}
