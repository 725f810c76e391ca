import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { EngineError } from "../../engine/errors/engine-error.js";
import { GIT_HOOK_NAMES, type GitHookName } from "../../engine/git-hooks/hook-script.js";
import { installGitHooks, uninstallGitHooks } from "../../engine/git-hooks/install-git-hooks.js";
import { runGitHook } from "../../engine/git-hooks/run-git-hook.js";
import { resolveWorkspaceRoot } from "../../engine/workspace-model/workspace-context.js";
import { summarize } from "../../rules/check-result.js";
import { checkText } from "../check-report-format.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { EXIT_FINDINGS, EXIT_SUCCESS } from "../exit-codes.js";
import { detectTerminal, paint } from "../terminal.js";

export interface GitHooksCommandOptions extends CommonOptions {
  readonly preCommit?: boolean;
  readonly prePush?: boolean;
}

function chosenHooks(options: GitHooksCommandOptions): GitHookName[] {
  const hooks: GitHookName[] = [];
  if (options.preCommit) hooks.push("pre-commit");
  if (options.prePush) hooks.push("pre-push");
  return hooks.length > 0 ? hooks : [...GIT_HOOK_NAMES];
}

async function rootOf(options: CommonOptions): Promise<string> {
  return resolveWorkspaceRoot({ cwd: process.cwd(), ...(options.root ? { root: options.root } : {}) });
}

export async function gitHooksCommand(action: "install" | "uninstall", options: GitHooksCommandOptions): Promise<void> {
  await runCommand(options.json === true, async () => {
    const root = await rootOf(options);
    const hooks = chosenHooks(options);
    // The hook starts this very Specwright (node and its CLI by absolute path): no PATH lookup in a hook.
    // The script node was started with, not this module's path: bundled, modules sit in another folder.
    const command = [process.execPath, realpathSync(process.argv[1] ?? fileURLToPath(import.meta.url))];
    const result =
      action === "install" ? await installGitHooks({ root, hooks, command }) : await uninstallGitHooks({ root, hooks });
    if (options.json) {
      printJson({ ok: true, ...result });
      return;
    }
    for (const change of result.hooks) {
      const chained = change.chained
        ? action === "install"
          ? ` (runs your existing hook first: ${change.chained})`
          : " (your earlier hook is back)"
        : "";
      process.stdout.write(`${change.hook}: ${change.action.replaceAll("-", " ")} ${change.path}${chained}\n`);
    }
    return undefined;
  });
}

/** `git-hooks run <hook>`: what the installed hook runs. Text to stderr, as git shows hook output. */
export async function gitHooksRunCommand(hook: string, options: CommonOptions): Promise<void> {
  await runCommand(options.json === true, async () => {
    const wanted = GIT_HOOK_NAMES.find((name) => name === hook);
    if (!wanted) {
      throw new EngineError({
        code: "unknown-hook",
        kind: "usage",
        message: `"${hook}" is not a Specwright hook.`,
        fix: "Pass pre-commit or pre-push.",
      });
    }
    const result = await runGitHook(await rootOf(options), wanted);
    if (options.json) {
      printJson({ ok: result.passed, ...result });
      return result.passed ? EXIT_SUCCESS : EXIT_FINDINGS;
    }
    const terminal = detectTerminal(process.stderr);
    const out = (text: string) => process.stderr.write(text);
    if (result.hook === "pre-commit") {
      if (result.specs.length === 0) return EXIT_SUCCESS;
      out(`specwright: checking ${result.specs.join(", ")}\n`);
      if (result.diagnostics.length > 0) {
        out(
          checkText(
            result.diagnostics,
            summarize(result.diagnostics, { files: 0, specs: result.specs.length }),
            terminal,
          ),
        );
      }
      for (const spec of result.designWithoutTasks) {
        out(
          `${paint(terminal, "yellow", "warning")} ${spec}: design.md changed since its approval but tasks.md did not; regenerate the plan (\`specwright plan ${spec} --update\`) or approve the design (\`specwright approve ${spec} design\`).\n`,
        );
      }
      if (!result.passed)
        out(`${paint(terminal, "red", "commit stopped:")} fix the errors above (or commit with --no-verify).\n`);
      return result.passed ? EXIT_SUCCESS : EXIT_FINDINGS;
    }
    if (result.drift === undefined) {
      out("specwright: this branch has no upstream yet; drift is checked from the second push on.\n");
      return EXIT_SUCCESS;
    }
    const findings = result.drift.tasks.length + result.drift.unspecified.length;
    for (const task of result.drift.tasks) {
      out(
        `${paint(terminal, "yellow", "drift")} ${task.spec} task ${task.taskId}: ${task.files.map((file) => file.path).join(", ")} changed since it was verified\n`,
      );
    }
    for (const change of result.drift.unspecified) {
      out(
        `${paint(terminal, "yellow", "no spec change")} ${change.spec}: ${change.files.join(", ")} changed, none of its documents did\n`,
      );
    }
    if (findings > 0) out("specwright: pushing anyway; `specwright drift --base @{upstream}` shows the details.\n");
    return EXIT_SUCCESS;
  });
}
