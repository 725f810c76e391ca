import { type Command, Option } from "commander";
import { type CommonOptions, withCommonOptions, withExamples } from "./common-options.js";
import { withModelOptions } from "./model-options.js";

/** Registers the living-spec commands (impact, drift, git-hooks, sync); their modules load only when one runs. */
export function registerLivingCommands(program: Command, version: string): void {
  registerGitHooksCommand(program);
  withExamples(
    withModelOptions(
      withCommonOptions(
        program
          .command("sync")
          .argument("<spec>", "the spec")
          .description(
            "code → spec: the model compares the done tasks' diffs and the code with design.md and proposes edits recording the deviations; diff shown, applied on confirmation or --yes, approval reset",
          )
          .option("--requirements", "revise requirements.md instead of design.md")
          .option("--yes", "apply the revision without asking"),
      ),
    ),
    [
      ["specwright sync checkout", "review the proposed design.md edits, then confirm"],
      ["specwright sync checkout --yes --json", "apply without asking; the diff as JSON"],
    ],
  ).action(async (spec: string, options: import("./commands/sync-command.js").SyncCommandOptions) =>
    (await import("./commands/sync-command.js")).syncCommand(spec, options),
  );
  withExamples(
    withCommonOptions(
      program
        .command("drift")
        .argument("[spec]", "one spec (default: all)")
        .description(
          "code → spec drift: done tasks' files changed again since verified; with --base, code a spec owns changed without a spec update",
        )
        .option("--base <ref>", "a pull request's base (origin/main, @{upstream}): also check base..HEAD")
        .addOption(new Option("--format <format>", "output format").choices(["text", "json", "sarif"]).default("text")),
    ),
    [
      ["specwright drift", "every done task whose files a later commit changed"],
      ["specwright drift checkout --json", "one spec, as JSON"],
      ["specwright drift --base origin/main --format sarif > drift.sarif", "the CI check, for code scanning"],
    ],
  ).action(async (spec: string | undefined, options: import("./commands/drift-command.js").DriftCommandOptions) =>
    (await import("./commands/drift-command.js")).driftCommand(spec, options, version),
  );

  withExamples(
    withCommonOptions(
      program
        .command("impact")
        .argument("<spec>", "the spec")
        .description(
          "what changed in a spec's documents since each was approved, and the design, tasks and code files it touches",
        ),
    ),
    [
      ["specwright impact checkout", "criteria added, removed, reworded; done tasks to re-verify"],
      ["specwright impact checkout --json", "the same as one JSON document"],
    ],
  ).action(async (spec: string, options: CommonOptions) =>
    (await import("./commands/impact-command.js")).impactCommand(spec, options),
  );
}

/** `git-hooks install|uninstall|run`: Specwright in the developer's commit and push. */
function registerGitHooksCommand(program: Command): void {
  const hooks = program
    .command("git-hooks")
    .description(
      "install git hooks: pre-commit checks the specs a commit touches, pre-push runs drift --base @{upstream}",
    );
  type Options = import("./commands/git-hooks-command.js").GitHooksCommandOptions;
  for (const action of ["install", "uninstall"] as const) {
    withExamples(
      withCommonOptions(
        hooks
          .command(action)
          .description(
            action === "install"
              ? "install the hooks (default both) where git runs them (core.hooksPath respected); an existing hook is kept and run first"
              : "remove exactly what install added, putting back the hook that was there before",
          )
          .option("--pre-commit", "only the pre-commit hook")
          .option("--pre-push", "only the pre-push hook"),
      ),
      [
        [`specwright git-hooks ${action}`, `${action} both hooks`],
        [`specwright git-hooks ${action} --pre-commit`, "only pre-commit"],
      ],
    ).action(async (options: Options) =>
      (await import("./commands/git-hooks-command.js")).gitHooksCommand(action, options),
    );
  }
  withCommonOptions(
    hooks.command("run").argument("<hook>", "pre-commit or pre-push").description("what an installed hook runs"),
  ).action(async (hook: string, options: Options) =>
    (await import("./commands/git-hooks-command.js")).gitHooksRunCommand(hook, options),
  );
}
