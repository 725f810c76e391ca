import type { HookContext } from "../../engine/hooks/hook-context.js";
import type { HookRunResult } from "../../engine/hooks/hook-run-result.js";
import type { RunnableHook } from "../../engine/hooks/runnable-hook.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { EXIT_FINDINGS, EXIT_SUCCESS } from "../exit-codes.js";
import { type ModelOptions, openModelSession } from "../model-options.js";
import { detectTerminal, paint } from "../terminal.js";

export type HookCommandOptions = CommonOptions & ModelOptions & { readonly file?: string };

async function loadContext(options: CommonOptions, name?: string, withModel?: ModelOptions): Promise<HookContext> {
  const [{ loadHookContext }, { findHook }, { resolveWorkspaceRoot }] = await Promise.all([
    import("../../engine/hooks/load-hook-context.js"),
    import("../../engine/hooks/manual-hook.js"),
    import("../../engine/workspace-model/workspace-context.js"),
  ]);
  const root = await resolveWorkspaceRoot({ cwd: process.cwd(), ...(options.root ? { root: options.root } : {}) });
  const context = await loadHookContext(root);
  // A model session is opened only for a hook that asks the agent: a command hook needs no key.
  if (withModel === undefined || name === undefined || findHook(context, name).action?.kind !== "agent") return context;
  return { ...context, session: await openModelSession(withModel, { root, command: "hook" }) };
}

export async function hookListCommand(options: CommonOptions): Promise<void> {
  await runCommand(options.json === true, async () => {
    const context = await loadContext(options);
    if (options.json) {
      printJson({ ok: true, root: context.root, hooks: context.hooks.map(describeHook) });
      return EXIT_SUCCESS;
    }
    const terminal = detectTerminal();
    if (context.hooks.length === 0) process.stdout.write("No hooks in .kiro/hooks/.\n");
    for (const hook of context.hooks) {
      const state = hook.enabled ? "" : paint(terminal, "dim", " (disabled)");
      const what =
        hook.action?.kind === "command"
          ? `runs: ${hook.action.command}`
          : hook.action?.kind === "agent"
            ? "asks the agent"
            : "no action";
      process.stdout.write(
        `${hook.name}${state}\n  ${hook.trigger} → ${hook.event ?? "no event"}${hook.matcherText ? ` on ${hook.matcherText}` : ""}; ${what}\n  ${paint(terminal, "dim", hook.file)}\n`,
      );
    }
    return EXIT_SUCCESS;
  });
}

export async function hookRunCommand(name: string, options: HookCommandOptions): Promise<void> {
  await runCommand(options.json === true, async () => {
    const { runHookNow } = await import("../../engine/hooks/manual-hook.js");
    const context = await loadContext(options, name, options);
    const result = await runHookNow(context, name, options.file);
    if (options.json) printJson({ ok: result.verdict.kind === "ok", run: result });
    else printRun(result);
    return result.verdict.kind === "ok" ? EXIT_SUCCESS : EXIT_FINDINGS;
  });
}

export async function hookTestCommand(name: string, options: HookCommandOptions): Promise<void> {
  await runCommand(options.json === true, async () => {
    const { findHook, previewHook } = await import("../../engine/hooks/manual-hook.js");
    const context = await loadContext(options);
    const preview = previewHook(context, findHook(context, name), options.file);
    if (options.json) {
      printJson({ ok: true, ...preview, hook: describeHook(preview.hook) });
      return EXIT_SUCCESS;
    }
    const { hook } = preview;
    const lines = [
      `hook:     ${hook.name} (${hook.file})`,
      `event:    ${preview.input.event} (trigger ${hook.trigger})`,
      hook.action?.kind === "command"
        ? `would run: ${hook.action.command}\n          in ${context.root}, sandbox ${preview.sandbox}, time-out ${hook.timeoutMs / 1000} s`
        : hook.action?.kind === "agent"
          ? `would ask the agent: ${hook.action.prompt}`
          : "would do nothing: no action",
      ...(preview.input.file !== undefined
        ? [
            `matcher:  ${hook.matcherText ?? "(none)"} ${preview.matches ? "takes" : "does NOT take"} ${preview.input.file}`,
          ]
        : []),
      ...(preview.wouldNotRun !== undefined ? [`note:     on its own it would not run: ${preview.wouldNotRun}`] : []),
      "stdin:",
      JSON.stringify(preview.input, null, 2),
      "environment:",
      ...Object.entries(preview.environment).map(([key, value]) => `  ${key}=${value}`),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    return EXIT_SUCCESS;
  });
}

function describeHook(hook: RunnableHook) {
  return {
    name: hook.name,
    file: hook.file,
    format: hook.format,
    trigger: hook.trigger,
    event: hook.event ?? null,
    matcher: hook.matcherText ?? null,
    action: hook.action ?? null,
    timeoutMs: hook.timeoutMs,
    enabled: hook.enabled,
  };
}

function printRun(result: HookRunResult): void {
  const terminal = detectTerminal();
  if (result.output !== "") process.stdout.write(result.output.endsWith("\n") ? result.output : `${result.output}\n`);
  const colour = result.verdict.kind === "ok" ? "green" : "red";
  const code = result.exitCode === null ? "" : `exit ${result.exitCode}, `;
  const reason = result.verdict.kind === "ok" ? "" : `: ${result.verdict.reason}`;
  process.stderr.write(
    `${paint(terminal, colour, result.verdict.kind)} ${result.hook} (${code}${result.durationMs} ms, sandbox ${result.sandbox})${reason}\n`,
  );
}
