import { relative } from "node:path";
import { firstUnapproved, type PhaseApproval } from "../../engine/approvals/approval-state.js";
import { approvePhase } from "../../engine/approvals/approve-phase.js";
import { phaseGuidance } from "../../engine/approvals/phase-guidance.js";
import { isSpecPhase } from "../../engine/approvals/spec-phase.js";
import { EngineError } from "../../engine/errors/engine-error.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { escapeTerminalText } from "../escape-terminal-text.js";
import { detectTerminal, paint, type Terminal } from "../terminal.js";

export async function approveCommand(spec: string, phase: string | undefined, options: CommonOptions): Promise<void> {
  await runCommand(options.json === true, async () => {
    if (phase !== undefined && !isSpecPhase(phase)) {
      throw new EngineError({
        code: "unknown-phase",
        kind: "usage",
        message: `"${phase}" is not a phase.`,
        fix: "Pass requirements, bugfix, design or tasks (or nothing, for the next phase to approve).",
        candidates: ["requirements", "bugfix", "design", "tasks"],
      });
    }
    const result = await approvePhase({
      cwd: process.cwd(),
      ...(options.root ? { root: options.root } : {}),
      spec,
      ...(phase === undefined ? {} : { phase }),
    });
    if (options.json) {
      const { approvals, ...rest } = result;
      printJson({ ok: true, ...rest, approvals: { ...approvals, file: relative(result.root, approvals.file) } });
      return;
    }
    const terminal = detectTerminal();
    const approved = result.approvals.phases.find((entry) => entry.phase === result.phase);
    const verdict = result.alreadyApproved
      ? `already approved (${result.approvedAt}); nothing written`
      : paint(terminal, "green", "approved");
    process.stdout.write(`${escapeTerminalText(result.spec)}: ${approved?.document ?? result.phase} ${verdict}\n`);
    process.stdout.write(result.approvals.phases.map((entry) => formatPhase(entry, terminal)).join(""));
    const next = firstUnapproved(result.approvals.phases);
    if (next) {
      const order = result.approvals.phases.map((entry) => entry.phase);
      process.stdout.write(`${paint(terminal, "dim", "next:")} ${phaseGuidance(result.spec, next, order)}\n`);
    }
    return undefined;
  });
}

const STATE_STYLE = {
  approved: "green",
  "changed-since-approval": "yellow",
  stale: "yellow",
  unapproved: "dim",
  missing: "dim",
} as const;

function formatPhase(phase: PhaseApproval, terminal: Terminal): string {
  return `  ${phase.document.padEnd(16)} ${paint(terminal, STATE_STYLE[phase.state], phase.state.replaceAll("-", " "))}\n`;
}
