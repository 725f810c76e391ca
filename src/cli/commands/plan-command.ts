import { printJson, runCommand } from "../command-output.js";
import { EXIT_SUCCESS } from "../exit-codes.js";
import { type PhaseOptions, phaseCommand } from "./design-command.js";

export interface PlanOptions extends PhaseOptions {
  /** Write the waves of tasks.md as it is into tasks.meta.json: no model, tasks.md untouched. */
  readonly waves?: boolean;
  /** With --waves: print the waves, write nothing. */
  readonly dryRun?: boolean;
}

/** `specwright plan <spec>`: tasks.md from the approved design, every criterion covered; its waves beside it. */
export async function planCommand(spec: string, options: PlanOptions): Promise<void> {
  if (options.waves !== true && options.dryRun !== true) {
    await phaseCommand("tasks", spec, options);
    return;
  }
  await runCommand(options.json === true, async () => {
    const { writePlanWaves } = await import("../../engine/task-waves/write-plan-waves.js");
    const { formatPlanWaves, planWavesDocument } = await import("./run-waves-output.js");
    const dryRun = options.dryRun === true;
    const result = await writePlanWaves({
      cwd: process.cwd(),
      ...(options.root ? { root: options.root } : {}),
      spec,
      dryRun,
    });
    if (options.json === true) printJson(planWavesDocument(result, dryRun));
    else process.stdout.write(formatPlanWaves(result, dryRun));
    return EXIT_SUCCESS;
  });
}
