import { runCheck } from "../../engine/check/run-check.js";
import type { Rule } from "../../rules/rule.js";
import { checkExitCode, checkJsonDocument, checkText } from "../check-report-format.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { EXIT_SUCCESS } from "../exit-codes.js";
import { detectTerminal } from "../terminal.js";

export interface CheckOptions extends CommonOptions {
  readonly format?: "text" | "json" | "sarif";
  readonly strict?: boolean;
  readonly listRules?: boolean;
  readonly cache?: boolean;
}

export async function checkCommand(paths: readonly string[], options: CheckOptions, version: string): Promise<void> {
  const format = options.json ? "json" : (options.format ?? "text");
  await runCommand(format !== "text", async () => {
    if (options.listRules) {
      listRules((await import("../../rules/all-rules.js")).ALL_RULES, format === "text");
      return EXIT_SUCCESS;
    }
    const report = await runCheck({
      cwd: process.cwd(),
      ...(options.root ? { root: options.root } : {}),
      paths,
      cache: options.cache !== false,
    });
    if (format === "json") {
      printJson(checkJsonDocument(report.root, report.diagnostics, report.summary));
    } else if (format === "sarif") {
      // Rules and the SARIF writer load only for this format: a cached text run needs neither.
      const [{ ALL_RULES }, { toSarif }] = await Promise.all([
        import("../../rules/all-rules.js"),
        import("../../rules/sarif.js"),
      ]);
      printJson(toSarif(report.diagnostics, ALL_RULES, version));
    } else {
      process.stdout.write(checkText(report.diagnostics, report.summary, detectTerminal()));
    }
    return checkExitCode(report.summary, options.strict === true);
  });
}

function listRules(rules: readonly Rule[], text: boolean): void {
  if (!text) {
    printJson({
      ok: true,
      rules: rules.map((rule) => ({
        id: rule.id,
        family: rule.family,
        severity: rule.severity,
        summary: rule.summary,
        fix: rule.fix,
      })),
    });
    return;
  }
  const width = Math.max(...rules.map((rule) => rule.id.length));
  for (const rule of rules) {
    process.stdout.write(`${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.summary}\n`);
  }
}
