/**
 * Files the runner itself writes while a task runs: the task's status in tasks.md, Kiro's
 * tasks.meta.json, the run records under `runs/` and Specwright's own state under `.kiro/specwright/` (the
 * usage log, written while the task runs). They are the engine's bookkeeping, not the task's
 * work, so a task's changes, diff and revert leave them out (reverting a task must not resurrect the
 * status marks or logs of every task run after it). `prefix` is where the workspace root sits inside the
 * repository (`""` or `sub/dir/`).
 */
export function isRunnerBookkeeping(path: string, prefix: string, spec: string): boolean {
  if (path.startsWith(`${prefix}.kiro/specwright/`)) return true;
  const specFolder = `${prefix}.kiro/specs/${spec}/`;
  if (!path.startsWith(specFolder)) return false;
  const inside = path.slice(specFolder.length);
  return inside === "tasks.md" || inside === "tasks.meta.json" || inside.startsWith("runs/");
}
