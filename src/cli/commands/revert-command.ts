import { checkpointRoot } from "../../engine/checkpoints/checkpoint-root.js";
import type { RevertedFile } from "../../engine/checkpoints/checkpoint-types.js";
import { revertTask } from "../../engine/checkpoints/revert-task.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { detectTerminal, paint } from "../terminal.js";

export interface RevertCommandOptions extends CommonOptions {
  readonly task: string;
  readonly force?: boolean;
}

const ACTION_STYLES = { restored: "yellow", recreated: "green", deleted: "red" } as const;

export async function revertCommand(spec: string, options: RevertCommandOptions): Promise<void> {
  await runCommand(options.json === true, async () => {
    const root = await checkpointRoot({ cwd: process.cwd(), ...(options.root ? { root: options.root } : {}) });
    const result = await revertTask({ root, spec, taskId: options.task, force: options.force === true });
    if (options.json) {
      printJson({ ok: true, ...result });
      return undefined;
    }
    const terminal = detectTerminal();
    const title = paint(terminal, "bold", `${result.spec} task ${result.taskId}`);
    if (result.alreadyReverted) {
      process.stdout.write(`${title}: its files already are as before the task; nothing written\n`);
      return undefined;
    }
    process.stdout.write(`${title}: reverted ${result.files.length} file${result.files.length === 1 ? "" : "s"}\n`);
    const width = Math.max(...result.files.map((file) => file.action.length));
    for (const file of result.files) process.stdout.write(`  ${describe(file, width, terminal)}\n`);
    if (result.gitMetadata !== undefined) {
      process.stdout.write(
        `${paint(terminal, "yellow", "note:")} put back as before the task: ${result.gitMetadata.join(", ")}\n`,
      );
    }
    if (result.overwritten.length > 0) {
      process.stdout.write(
        `${paint(terminal, "yellow", "note:")} --force overwrote changes made since the task to ${result.overwritten.join(", ")}\n`,
      );
    }
    if (result.backup) {
      process.stdout.write(
        `${paint(terminal, "dim", "undo:")} the tree before this revert is kept as ${result.backup.ref}; git restore --source=${result.backup.commit.slice(0, 12)} -- <path> brings a file back\n`,
      );
    }
    return undefined;
  });
}

function describe(file: RevertedFile, width: number, terminal: ReturnType<typeof detectTerminal>): string {
  return `${paint(terminal, ACTION_STYLES[file.action], file.action.padEnd(width))}  ${file.path}`;
}
