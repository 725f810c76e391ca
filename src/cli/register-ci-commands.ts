import type { Command } from "commander";
import type { CiGithubOptions } from "./commands/ci-command.js";
import { withCommonOptions, withExamples } from "./common-options.js";

/** `ci github`: workflows that check the specs and run the waves on GitHub Actions. */
export function registerCiCommands(program: Command): void {
  const ci = program.command("ci").description("write CI workflows that check the specs and run their tasks");
  withExamples(
    withCommonOptions(
      ci
        .command("github")
        .description("write .github/workflows/specwright-*.yml (default: --check)")
        .option("--check", "specwright check on each push and pull request, findings uploaded as SARIF")
        .option("--run-waves", "run the spec's waves as job matrices, one job per task, and open one pull request")
        .option("--spec <name>", "the spec --run-waves runs")
        .option("--parallel <n>", "with --run-waves: jobs of one wave at most at once (default 3)")
        .option("--force", "replace a workflow of the same name that Specwright did not write"),
    ),
    [
      ["specwright ci github", "the check workflow, with code scanning upload"],
      ["specwright ci github --check --run-waves --spec rate-limiting", "both; the waves as a manual workflow"],
    ],
  ).action(async (options: CiGithubOptions) => (await import("./commands/ci-command.js")).ciGithubCommand(options));
}
