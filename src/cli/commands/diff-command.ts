import { checkpointRoot } from "../../engine/checkpoints/checkpoint-root.js";
import type { FileChange, TaskChanges } from "../../engine/checkpoints/checkpoint-types.js";
import { taskChanges, taskDiff } from "../../engine/checkpoints/task-changes.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { detectTerminal, paint, type Terminal } from "../terminal.js";

export interface DiffCommandOptions extends CommonOptions {
  readonly task: string;
  readonly stat?: boolean;
}

export async function diffCommand(spec: string, options: DiffCommandOptions): Promise<void> {
  await runCommand(options.json === true, async () => {
    const root = await checkpointRoot({ cwd: process.cwd(), ...(options.root ? { root: options.root } : {}) });
    const changes = await taskChanges({ root, spec, taskId: options.task });
    const paths = changes.files.map((file) => file.path);
    const diff = options.stat ? undefined : await taskDiff({ root, spec, taskId: options.task, paths });
    if (options.json) {
      printJson({ ok: true, ...changes, ...(diff === undefined ? {} : { diff }) });
      return undefined;
    }
    const terminal = detectTerminal();
    process.stdout.write(`${summaryLine(terminal, changes)}\n`);
    if (changes.after === undefined) {
      process.stdout.write(
        `${paint(terminal, "yellow", "note:")} the task has no after checkpoint (still running, or stopped): compared with the working tree now\n`,
      );
    }
    if (options.stat) {
      for (const line of statLines(terminal, changes.files)) process.stdout.write(`${line}\n`);
    } else if (diff) {
      process.stdout.write(colourDiff(terminal, diff));
    }
    return undefined;
  });
}

function summaryLine(terminal: Terminal, changes: TaskChanges): string {
  const { totals } = changes;
  const title = paint(terminal, "bold", `${changes.spec} task ${changes.taskId}`);
  if (totals.files === 0) return `${title}: no files changed`;
  const counts = `${totals.added} added, ${totals.modified} modified, ${totals.deleted} deleted`;
  const lines = `${paint(terminal, "green", `+${totals.linesAdded}`)} ${paint(terminal, "red", `-${totals.linesRemoved}`)}`;
  return `${title}: ${totals.files} file${totals.files === 1 ? "" : "s"} changed (${counts}), ${lines}`;
}

const KIND_LETTERS = { added: "A", modified: "M", deleted: "D" } as const;
const KIND_STYLES = { added: "green", modified: "yellow", deleted: "red" } as const;

/** `A  path  +3 -0`, aligned; a binary file says so instead of counting lines. */
export function statLines(terminal: Terminal, files: readonly FileChange[]): string[] {
  const width = Math.max(0, ...files.map((file) => file.path.length));
  return files.map((file) => {
    const letter = paint(terminal, KIND_STYLES[file.kind], KIND_LETTERS[file.kind]);
    const counts = file.binary
      ? paint(terminal, "dim", "binary")
      : `${paint(terminal, "green", `+${file.linesAdded}`)} ${paint(terminal, "red", `-${file.linesRemoved}`)}`;
    const mode =
      file.modeBefore !== file.modeAfter && file.kind === "modified"
        ? ` (mode ${file.modeBefore} → ${file.modeAfter})`
        : "";
    return `  ${letter}  ${file.path.padEnd(width)}  ${counts}${mode}`;
  });
}

/** Colours a unified diff line by line: headers bold, hunks cyan, additions green, removals red. */
export function colourDiff(terminal: Terminal, diff: string): string {
  if (!terminal.color) return diff;
  return diff
    .split("\n")
    .map((line) => {
      if (/^(diff --git|index |--- |\+\+\+ |new file mode|deleted file mode|old mode|new mode)/.test(line))
        return paint(terminal, "bold", line);
      if (line.startsWith("@@")) return paint(terminal, "cyan", line);
      if (line.startsWith("+")) return paint(terminal, "green", line);
      if (line.startsWith("-")) return paint(terminal, "red", line);
      return line;
    })
    .join("\n");
}
