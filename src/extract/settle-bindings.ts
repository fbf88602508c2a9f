// Module-level code that changes an object in place (`BASE.append("updated")`, `LENGTHS["code"] = 8`,
// `COLUMNS += [...]`) must not reach bindings above it that were not read yet: those are evaluated first, in
// statement order, so each holds what Python computed at its own line (`USER = BASE + ["name"]` above the append
// does not take the appended item), where a lazy read after the change would.
import { moduleScope, type Ctx } from './context.js';
import { bindingValue } from './resolve.js';
import type { Binding, Scope } from './scope.js';
import type { ModuleInfo } from './values.js';

/** Per module scope: its bindings by line, and how many of them have been settled. */
const progress = new WeakMap<Scope, { order: Binding[]; next: number }>();

/** Evaluates, in line order, the module's bindings made before `line` that nothing has read yet. */
export function settleBindingsBefore(ctx: Ctx, mod: ModuleInfo, line: number): void {
  const scope = moduleScope(ctx.project, mod);
  let state = progress.get(scope);
  if (!state) {
    const all = [...scope.bindings.values(), ...[...(scope.earlier?.values() ?? [])].flat()];
    state = { order: all.sort((a, b) => a.line - b.line), next: 0 };
    progress.set(scope, state);
  }
  const env = { module: mod, depth: 0 };
  while (state.next < state.order.length && state.order[state.next]!.line < line) {
    const binding = state.order[state.next++]!;
    if (!ctx.project.memo.has(binding)) bindingValue(ctx, binding, env);
  }
}
