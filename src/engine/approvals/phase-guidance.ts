import type { PhaseApproval } from "./approval-state.js";
import type { SpecPhase } from "./spec-phase.js";

/** The command that writes each phase's document. */
const WRITING_COMMAND: Record<SpecPhase, (spec: string) => string> = {
  requirements: (spec) => `specwright new ${spec} "<prompt>"`,
  bugfix: (spec) => `specwright new ${spec} --type bugfix "<prompt>"`,
  design: (spec) => `specwright design ${spec}`,
  tasks: (spec) => `specwright plan ${spec}`,
};

/** What to do to bring a phase to "approved": write the document, or review and approve it. */
export function phaseGuidance(spec: string, phase: PhaseApproval): string {
  if (phase.state === "missing") {
    return `Write ${phase.document} first (\`${WRITING_COMMAND[phase.phase](spec)}\`, or by hand), then run \`specwright approve ${spec} ${phase.phase}\`.`;
  }
  return `Review ${phase.document}, then run \`specwright approve ${spec} ${phase.phase}\`.`;
}
