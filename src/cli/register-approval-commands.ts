import type { Command } from "commander";
import { type CommonOptions, withCommonOptions, withExamples } from "./common-options.js";

/** Registers the approval commands; their modules load only when one runs. */
export function registerApprovalCommands(program: Command): void {
  withExamples(
    withCommonOptions(
      program
        .command("approve")
        .argument("<spec>", "the spec")
        .argument("[phase]", "requirements, bugfix, design or tasks (default: the next one not approved)")
        .description(
          "approve a spec document as it is now: its hash goes to .specwright-approvals.json; later edits show in status",
        ),
    ),
    [
      ["specwright approve rate-limiting", "approve the next document in the workflow"],
      ["specwright approve rate-limiting requirements", "approve requirements.md (design needs it)"],
      ["specwright approve rate-limiting design --json", "the result and every phase's state as JSON"],
    ],
  ).action(async (spec: string, phase: string | undefined, options: CommonOptions) =>
    (await import("./commands/approve-command.js")).approveCommand(spec, phase, options),
  );
}
