import { relative } from "node:path";
import { updateTask } from "../../engine/tasks/update-task.js";
import { TASK_STATUSES, type TaskStatus } from "../../model/tasks/task-types.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { escapeTerminalText } from "../escape-terminal-text.js";
import { detectTerminal, paint } from "../terminal.js";

export async function taskCommand(
  spec: string,
  id: string,
  options: CommonOptions & { status?: string; optional?: string },
): Promise<void> {
  await runCommand(options.json === true, async () => {
    const update = await updateTask({
      cwd: process.cwd(),
      ...(options.root ? { root: options.root } : {}),
      spec,
      id,
      change: {
        ...(isTaskStatus(options.status) ? { status: options.status } : {}),
        ...(options.optional === undefined ? {} : { optional: options.optional === "on" }),
      },
    });
    if (options.json) {
      printJson({
        ok: true,
        ...update,
        file: relative(update.root, update.file),
        ...(update.linkedTo === undefined ? {} : { linkedTo: relative(update.root, update.linkedTo) }),
      });
      return;
    }
    const terminal = detectTerminal();
    const describe = (state: { status: string; optional: boolean }) =>
      `${state.status}${state.optional ? " (optional)" : ""}`;
    const verdict = update.changed
      ? `${describe(update.before)} → ${paint(terminal, "green", describe(update.after))}`
      : `already ${describe(update.after)}; nothing written`;
    const link =
      update.linkedTo === undefined
        ? ""
        : ` (${relative(update.root, update.file)} is a symlink; wrote ${relative(update.root, update.linkedTo)})`;
    process.stdout.write(
      `${escapeTerminalText(update.spec)} task ${escapeTerminalText(update.id)}: ${verdict}${link}\n`,
    );
    return undefined;
  });
}

/** Commander has checked the choice already; this narrows the type without a cast. */
function isTaskStatus(value: string | undefined): value is TaskStatus {
  return TASK_STATUSES.some((status) => status === value);
}
