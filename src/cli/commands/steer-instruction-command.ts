import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { EXIT_FINDINGS, EXIT_SUCCESS } from "../exit-codes.js";
import { type ModelOptions, openModelSession } from "../model-options.js";
import { formatUsageLine } from "../model-usage-output.js";
import { detectTerminal, paint } from "../terminal.js";

export interface SteerInstructionOptions extends CommonOptions, ModelOptions {
  readonly file?: string;
  readonly yes?: boolean;
}

/** `specwright steer add|update "<instruction>"`: the model's edit of the steering, shown as a diff, written on a yes. */
export async function steerInstructionCommand(
  action: "add" | "update",
  instruction: string,
  options: SteerInstructionOptions,
): Promise<void> {
  await runCommand(options.json === true, async () => {
    const { applySteeringProposal, proposeSteeringEdit } = await import(
      "../../engine/steering-generation/steer-by-instruction.js"
    );
    const { resolveSteeringRoot } = await import("../../engine/steering-generation/resolve-steering-root.js");
    const { canAskOnTerminal, confirmOnTerminal } = await import("../ask-on-terminal.js");
    const root = await resolveSteeringRoot({ cwd: process.cwd(), ...(options.root ? { root: options.root } : {}) });
    const session = await openModelSession(options, { root, command: `steer ${action}` });
    const proposal = await proposeSteeringEdit({
      root,
      session,
      action,
      instruction,
      ...(options.file !== undefined ? { file: options.file } : {}),
    });
    await session.flush();
    const usage = session.totals();
    const terminal = detectTerminal();
    if (!options.json) process.stdout.write(proposal.diff === "" ? "The model changed nothing.\n" : proposal.diff);
    const blocking = proposal.findings.filter((finding) => finding.severity === "error");
    const ask = !options.yes && !options.json && canAskOnTerminal() && proposal.diff !== "" && blocking.length === 0;
    const apply =
      proposal.diff !== "" &&
      blocking.length === 0 &&
      (options.yes === true || (ask && (await confirmOnTerminal(`Write ${proposal.file}?`))));
    const applied = apply ? (await applySteeringProposal(proposal)).changed : false;
    const ok = applied || proposal.diff === "";
    if (options.json) {
      printJson({
        ok,
        file: proposal.file,
        created: proposal.created,
        inclusion: proposal.edit.inclusion,
        ...(proposal.edit.fileMatchPattern !== undefined ? { fileMatchPattern: proposal.edit.fileMatchPattern } : {}),
        applied,
        diff: proposal.diff,
        findings: proposal.findings,
        usage,
        ...(ok
          ? {}
          : {
              fix:
                blocking.length > 0
                  ? "The file would fail specwright check; run again with a clearer instruction."
                  : "Run again with --yes to write it.",
            }),
      });
    } else {
      for (const finding of proposal.findings) process.stdout.write(`  ${finding.severity} ${finding.message}\n`);
      if (applied) process.stdout.write(`${paint(terminal, "green", "wrote")} ${proposal.file}\n`);
      else if (proposal.diff !== "") {
        process.stdout.write(
          `${paint(terminal, "yellow", "not written")}: ${blocking.length > 0 ? "the file would fail its checks." : ask ? "" : "run again with --yes to write it (there is no terminal to confirm on)."}\n`,
        );
      }
      process.stderr.write(`${formatUsageLine(usage)}\n`);
    }
    return ok ? EXIT_SUCCESS : EXIT_FINDINGS;
  });
}
