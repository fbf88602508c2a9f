// What statements change in the scope around them: the names a loop's body binds, and the names whose list, dict
// or set it changes in place (`names.append(n)`, `lengths[n] = 8`, `del seen[k]`): a loop that cannot be run here
// leaves these unknown after it, where they had kept their values from before it as if it had not run. And whether
// one statement changes an object in place, which settles the bindings above it first (settle-bindings.ts).
import type { Expr, Stmt } from '../python/summary.js';
import { targetNames } from './class-body.js';

/** Methods of list, dict and set that change the object they are called on. */
const IN_PLACE = new Set([
  'append', 'extend', 'insert', 'pop', 'remove', 'clear', 'sort', 'reverse', 'appendleft', 'popleft', 'extendleft',
  'update', 'setdefault', 'popitem', 'add', 'discard', 'difference_update', 'intersection_update', 'symmetric_difference_update',
]);

/** `x.append(...)`, `d[k] = v`, `x += [...]`, `del d[k]`: a statement that may change an object in place (or unbind a name). */
export function changesInPlace(s: Stmt): boolean {
  switch (s.k) {
    case 'expr':
      return s.value.k === 'call' && s.value.fn.k === 'attr' && IN_PLACE.has(s.value.fn.name);
    case 'assign':
      return s.targets.some(hasItemTarget);
    // `del NAME` too: what read the name above it keeps its value
    case 'del':
    case 'aug':
      return true;
    default:
      return false;
  }
}

const hasItemTarget = (t: Expr): boolean => t.k === 'sub' || ((t.k === 'tuple' || t.k === 'list') && t.items.some(hasItemTarget));

/** The names a loop may leave changed: its target, and what its body (with nested blocks and loops) binds or changes in place. */
export function loopEffects(stmt: Extract<Stmt, { k: 'for' | 'while' }>): Set<string> {
  const names = new Set<string>(stmt.k === 'for' ? targetNames(stmt.target) : []);
  collect([...stmt.body, ...(stmt.orelse ?? [])], names);
  return names;
}

function collect(body: readonly Stmt[], names: Set<string>): void {
  for (const s of body) {
    switch (s.k) {
      case 'assign':
      case 'del':
        for (const t of s.targets) bound(t, names);
        break;
      case 'ann':
      case 'aug':
        bound(s.target, names);
        break;
      case 'expr':
        if (s.value.k === 'call' && s.value.fn.k === 'attr' && IN_PLACE.has(s.value.fn.name)) changed(s.value.fn.obj, names);
        break;
      case 'for':
      case 'while':
        for (const name of loopEffects(s)) names.add(name);
        break;
      case 'if':
        collect([...s.body, ...s.orelse], names);
        break;
      case 'block':
        collect([...s.body, ...(s.handlers?.clauses.flatMap((c) => c.body) ?? [])], names);
        break;
      case 'match':
        collect(s.cases.flatMap((c) => c.body), names);
        break;
      case 'class':
      case 'def':
        names.add(s.name);
        break;
      default:
        break;
    }
  }
}

/**
 * A target: a name is bound; an item of a name (`d[k] = v`) changes that name's object. An attribute set on an
 * object (`Model.col = Column(...)`) is not counted: the loop's report names the class that misses it.
 */
function bound(target: Expr, names: Set<string>): void {
  if (target.k === 'sub') changed(target.obj, names);
  else if (target.k === 'tuple' || target.k === 'list') for (const t of target.items) bound(t, names);
  else if (target.k === 'star') bound(target.value, names);
  else for (const name of targetNames(target)) names.add(name);
}

/** The name at the root of `d`, `d[k]`, `d[k][j]` (an attribute's object is not followed). */
function changed(obj: Expr, names: Set<string>): void {
  if (obj.k === 'name') names.add(obj.id);
  else if (obj.k === 'sub') changed(obj.obj, names);
}
