import type { PhaseApproval } from "./approval-state.js";
import type { SpecPhase } from "./spec-phase.js";

/**
 * The command that writes a phase's document: the first phase comes with the spec (`new`, with the flags
 * that give its type and workflow); the later ones each have their own command.
 */
function writingCommand(spec: string, phase: SpecPhase, order: readonly SpecPhase[]): string {
  if (order[0] === phase) {
    const flags = [
      ...(order.includes("bugfix") ? ["--type bugfix"] : []),
      ...(phase === "design" ? ["--workflow design-first"] : []),
    ];
    return `specwright new ${spec} ${flags.map((flag) => `${flag} `).join("")}"<prompt>"`;
  }
  if (phase === "design") return `specwright design ${spec}`;
  if (phase === "tasks") return `specwright plan ${spec}`;
  return `specwright requirements ${spec}`;
}

/** What to do to bring a phase to "approved": write the document, or review and approve it. */
export function phaseGuidance(spec: string, phase: PhaseApproval, order: readonly SpecPhase[]): string {
  if (phase.state === "missing") {
    return `Write ${phase.document} first (\`${writingCommand(spec, phase.phase, order)}\`, or by hand), then run \`specwright approve ${spec} ${phase.phase}\`.`;
  }
  return `Review ${phase.document}, then run \`specwright approve ${spec} ${phase.phase}\`.`;
}
