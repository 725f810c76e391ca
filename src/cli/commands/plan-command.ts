import { type PhaseOptions, phaseCommand } from "./design-command.js";

/** `specwright plan <spec>`: tasks.md from the approved design, every criterion covered. */
export async function planCommand(spec: string, options: PhaseOptions): Promise<void> {
  await phaseCommand("tasks", spec, options);
}
