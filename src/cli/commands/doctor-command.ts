import { runDoctor } from "../../engine/doctor/run-doctor.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { EXIT_FINDINGS, EXIT_SUCCESS } from "../exit-codes.js";
import { detectTerminal, paint } from "../terminal.js";

/** `specwright doctor`: Node, git, the sandbox in force, the model; exit 1 when something needed is missing. */
export async function doctorCommand(options: CommonOptions): Promise<void> {
  await runCommand(options.json === true, async () => {
    const report = await runDoctor({ cwd: process.cwd(), ...(options.root ? { root: options.root } : {}) });
    if (options.json) {
      printJson(report);
      return report.ok ? EXIT_SUCCESS : EXIT_FINDINGS;
    }
    const terminal = detectTerminal();
    const mark = (good: boolean) => (good ? paint(terminal, "green", "✓") : paint(terminal, "red", "✗"));
    const { node, git, sandbox, model } = report;
    const lines = [
      `${mark(node.supported)} node ${node.version} (needs ${node.required})`,
      `${mark(git.version !== undefined)} git ${git.version ?? "not found"}`,
      ...(git.fix ? [`    fix: ${git.fix}`] : []),
      `${mark(sandbox.autopilot === "allowed")} sandbox: ${sandbox.inForce}${sandbox.executable ? ` (${sandbox.executable})` : ""}, setting agent.sandbox "${sandbox.setting}"; autopilot runs ${sandbox.autopilot}`,
      ...(sandbox.reason ? [`    why: ${sandbox.reason}`] : []),
      ...(sandbox.fix ? [`    fix: ${sandbox.fix}`] : []),
      `    network: ${sandbox.network}; leftover processes: ${sandbox.processes}`,
      model.configured
        ? `${mark(model.apiKeySet !== false)} model ${model.model} (from ${model.source})${model.apiKeyVariable ? `, ${model.apiKeyVariable} ${model.apiKeySet ? "set" : "not set"}` : ""}`
        : `${paint(terminal, "yellow", "-")} model: not configured (${model.problem?.fix ?? ""})`,
      paint(terminal, "dim", report.root ? `workspace ${report.root}` : "no .kiro/ workspace here: defaults shown"),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    return report.ok ? EXIT_SUCCESS : EXIT_FINDINGS;
  });
}
