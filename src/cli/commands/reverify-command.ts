import { reverifyTasks } from "../../engine/impact/reverify-tasks.js";
import { resolveWorkspaceRoot } from "../../engine/workspace-model/workspace-context.js";
import { printJson } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { EXIT_FINDINGS, EXIT_SUCCESS } from "../exit-codes.js";
import { detectTerminal, paint } from "../terminal.js";

/** `run <spec> --reverify`: the tests again for done tasks, no model; exit 1 when they fail. */
export async function reverify(spec: string, options: CommonOptions & { readonly task?: string[] }): Promise<number> {
  const root = await resolveWorkspaceRoot({ cwd: process.cwd(), ...(options.root ? { root: options.root } : {}) });
  const result = await reverifyTasks({ root, spec, ...(options.task ? { taskIds: options.task } : {}) });
  const code = result.passed ? EXIT_SUCCESS : EXIT_FINDINGS;
  if (options.json) {
    printJson({ ok: result.passed, ...result });
    return code;
  }
  const terminal = detectTerminal();
  if (result.verification === undefined) {
    process.stdout.write(
      `${result.spec}: no done task to re-verify (no criterion they implement changed since approval)\n`,
    );
    return code;
  }
  const verdict = result.passed ? paint(terminal, "green", "passed") : paint(terminal, "red", "failed");
  for (const task of result.tasks) {
    const changed = task.changedCriteria.length > 0 ? ` (changed: ${task.changedCriteria.join(", ")})` : "";
    process.stdout.write(`task ${task.taskId}: ${task.title}${changed}: ${verdict}\n`);
  }
  process.stdout.write(`${paint(terminal, "dim", "verification:")} ${result.verification.command} ${verdict}\n`);
  if (!result.passed)
    process.stdout.write(
      result.verification.output.endsWith("\n") ? result.verification.output : `${result.verification.output}\n`,
    );
  return code;
}
