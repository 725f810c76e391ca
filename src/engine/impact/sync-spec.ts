import { join } from "node:path";
import { parseTasks } from "../../model/tasks/parse-tasks.js";
import { flattenTasks } from "../../model/tasks/walk-tasks.js";
import { diffPatch } from "../../workspace/git/diff-trees.js";
import { findGitRepository } from "../../workspace/git/git-repository.js";
import { readTextIfReadable } from "../../workspace/read-text-if-readable.js";
import { locateApprovalTarget } from "../approvals/spec-approval-inputs.js";
import type { AuthoringOptions } from "../authoring/authoring-options.js";
import { type RefinementOutcome, refineDocument } from "../authoring/refine-document.js";
import { EngineError } from "../errors/engine-error.js";
import { finishedTaskCheckpoints, taskCodeFiles } from "./task-code-files.js";

export interface SyncSpecOptions extends AuthoringOptions {
  readonly spec: string;
  /** The document to bring in line with the code (default design). */
  readonly document?: "design" | "requirements";
}

/** Characters of one task's diff, and of all of the code, given to the model: room for the document too. */
const DIFF_LIMIT = 12_000;
const CODE_LIMIT = 40_000;

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}\n… (${text.length - limit} more characters left out)`;
}

/**
 * Code → spec: the model reads what the done tasks changed (their diffs, from the checkpoints) and those
 * files as they are now, compares them with design.md (or requirements.md), and proposes edits that record
 * the deviations. Nothing is written here: the proposal goes through refine's review (diff, confirmation or
 * `--yes`, refused if the file changed meanwhile, approval reset).
 */
export async function syncSpec(options: SyncSpecOptions): Promise<RefinementOutcome> {
  const target = await locateApprovalTarget(options);
  const document = options.document ?? "design";
  const repository = await findGitRepository(target.root);
  const tasksText = readTextIfReadable(join(target.folder.path, "tasks.md"));
  const done = tasksText
    ? flattenTasks(parseTasks(tasksText).tasks).filter((task) => task.status === "done" && task.id !== undefined)
    : [];
  const finished = repository ? await finishedTaskCheckpoints(repository, target.spec) : new Map();
  const ran = done.filter((task) => finished.has(task.id ?? ""));
  if (!repository || ran.length === 0) {
    throw new EngineError({
      code: "nothing-to-sync",
      message: `No done task of "${target.spec}" has checkpoints: there is no implementation to compare ${document}.md with.`,
      fix: `Run tasks with \`specwright run ${target.spec}\` (each run is checkpointed), then sync.`,
    });
  }
  const files = await taskCodeFiles(
    target.root,
    target.spec,
    ran.map((task) => task.id ?? ""),
  );
  const parts: string[] = ["What the done tasks changed, and the code as it is now. Compare them with the document."];
  for (const task of ran) {
    const checkpoints = finished.get(task.id ?? "");
    const paths = files.get(task.id ?? "") ?? [];
    if (!checkpoints || paths.length === 0) continue;
    const patch = await diffPatch(repository, checkpoints.before.tree, checkpoints.after.tree, paths);
    parts.push(`## Task ${task.id}: ${task.title}\n\n\`\`\`diff\n${clip(patch, DIFF_LIMIT)}\n\`\`\``);
  }
  let code = "";
  for (const path of [...new Set([...files.values()].flat())]) {
    const text = readTextIfReadable(join(repository.topLevel, path));
    code += text === undefined ? `\n### ${path}\n\n(deleted since)\n` : `\n### ${path}\n\n\`\`\`\n${text}\n\`\`\`\n`;
  }
  parts.push(`## The code now\n${clip(code, CODE_LIMIT)}`);
  parts.push(
    [
      `Revise ${document}.md so it says what was built: where the code deviates from it (another library, another`,
      "structure, a behaviour the document does not describe), edit the document and record the deviation in one",
      'short sentence with its reason where the code shows one, e.g. "Uses Stripe Checkout, not Elements: …".',
      "Keep everything the code agrees with exactly as it is. Invent nothing the diffs and code do not show.",
    ].join(" "),
  );
  return refineDocument({ ...options, spec: target.spec, document, instruction: parts.join("\n\n") });
}
