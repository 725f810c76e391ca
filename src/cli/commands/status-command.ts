import type { ApprovalState } from "../../engine/approvals/approval-state.js";
import type { SpecStatus } from "../../engine/status/spec-status.js";
import { getStatus } from "../../engine/status/spec-status.js";
import type { TaskCounts } from "../../engine/tasks/task-progress.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { escapeTerminalText } from "../escape-terminal-text.js";
import { detectTerminal, paint, progressBar, type Style, type Terminal } from "../terminal.js";

export async function statusCommand(
  spec: string | undefined,
  options: CommonOptions & { cache?: boolean },
): Promise<void> {
  await runCommand(options.json === true, async () => {
    const status = await getStatus({
      cwd: process.cwd(),
      ...(options.root ? { root: options.root } : {}),
      ...(spec === undefined ? {} : { spec }),
      cache: options.cache !== false,
    });
    const { summarizeHookRuns } = await import("../../engine/hooks/hook-run-summary.js");
    const hooks = await summarizeHookRuns(status.root);
    if (options.json) {
      printJson({ ok: true, ...status, ...(hooks ? { hooks } : {}) });
      return;
    }
    const terminal = detectTerminal();
    if (status.specs.length === 0) process.stdout.write("No specs yet. Create one under .kiro/specs/<name>/.\n");
    const width = Math.max(0, ...status.specs.map((entry) => entry.name.length));
    const lines = status.specs.map((entry) => formatSpec(entry, width, terminal));
    process.stdout.write(lines.join(""));
    if (hooks) {
      const { last } = hooks;
      process.stdout.write(
        `${paint(terminal, "dim", "hooks:")} ${hooks.runs} run(s), ${hooks.failed} failed, ${hooks.blocked} blocked; last ${last.hook} (${last.event}) ${last.verdict} at ${last.at}\n`,
      );
    }
    return undefined;
  });
}

function formatSpec(spec: SpecStatus, width: number, terminal: Terminal): string {
  const phases = spec.phases.length > 0 ? formatPhases(spec, terminal) : "no documents";
  let line = `${paint(terminal, "bold", escapeTerminalText(spec.name).padEnd(width))}  ${paint(terminal, "dim", `[${spec.type}]`)} ${phases}`;
  const progress = spec.progress;
  if (progress) {
    const { required, optional } = progress;
    const bar = progressBar(terminal, required.done, required.total);
    line += `\n  ${bar ? `${bar} ` : ""}${counts("required", required)}`;
    if (optional.total > 0) line += `; ${counts("optional", optional)}`;
  }
  const review = reviewHint(spec);
  if (review) line += `\n  ${paint(terminal, "yellow", "review:")} ${review}`;
  for (const task of spec.needsReview ?? []) {
    line += `\n  ${paint(terminal, "yellow", `needs review: ${task.taskId}`)} ${task.title} (tests passed; not checked off)`;
    for (const finding of task.findings) line += `\n    ${paint(terminal, "yellow", "!")} ${finding.message}`;
    line += `\n    review: specwright diff ${spec.name} --task ${task.taskId}; accept: specwright task ${spec.name} ${task.taskId} --status done; undo: specwright revert ${spec.name} --task ${task.taskId}`;
  }
  if (spec.impact)
    line += `\n  ${paint(terminal, "yellow", "impact:")} ${spec.impact} (\`specwright impact ${spec.name}\`)`;
  for (const task of spec.paused ?? []) {
    const options = task.question.options?.length ? ` (${task.question.options.join(" / ")})` : "";
    line += `\n  ${paint(terminal, "yellow", `paused: ${task.taskId}`)} ${task.title}: the agent asks "${task.question.question}"${options}`;
    line += `\n    answer: specwright run ${spec.name} --answer ${task.question.id}=<your answer>`;
  }
  for (const problem of spec.problems) line += `\n  ${paint(terminal, "red", "!")} ${problem.message} ${problem.fix}`;
  return `${line}\n`;
}

/** The documents in workflow order, each with its approval when it has one worth telling. */
function formatPhases(spec: SpecStatus, terminal: Terminal): string {
  if (spec.approvals === undefined) return spec.phases.join(" → ");
  return spec.approvals
    .filter((approval) => approval.state !== "missing")
    .map((approval) => {
      const label = APPROVAL_LABELS[approval.state];
      return label ? `${approval.phase} ${paint(terminal, label.style, `(${label.text})`)}` : approval.phase;
    })
    .join(" → ");
}

/** After an edit to an approved document: which one to look at again, and the command that re-approves it. */
function reviewHint(spec: SpecStatus): string | undefined {
  const approvals = spec.approvals ?? [];
  if (!approvals.some((approval) => approval.state === "changed-since-approval" || approval.state === "stale")) {
    return undefined;
  }
  const first = approvals.find((approval) => approval.state !== "approved");
  if (!first || first.state === "missing") return undefined;
  return `${first.document} is ${first.state.replaceAll("-", " ")}; review it, then \`specwright approve ${escapeTerminalText(spec.name)} ${first.phase}\``;
}

/** Unapproved documents show bare, so a team that never approves sees what it saw before. */
const APPROVAL_LABELS: Record<ApprovalState, { text: string; style: Style } | undefined> = {
  approved: { text: "approved", style: "green" },
  "changed-since-approval": { text: "changed since approval", style: "yellow" },
  stale: { text: "stale", style: "yellow" },
  unapproved: undefined,
  missing: undefined,
};

function counts(label: string, value: TaskCounts): string {
  const extra = [
    value.inProgress > 0 ? `${value.inProgress} in progress` : "",
    value.queued > 0 ? `${value.queued} queued` : "",
  ].filter(Boolean);
  return `${label} ${value.done}/${value.total} done${extra.length > 0 ? ` (${extra.join(", ")})` : ""}`;
}
