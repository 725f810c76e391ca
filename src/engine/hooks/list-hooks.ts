import { buildWorkspaceModel } from "../../rules/build-workspace-model.js";
import { listKiroFiles } from "../../workspace/list-kiro-files.js";
import { readWorkspaceFiles } from "../workspace-model/read-workspace-files.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "../workspace-model/workspace-context.js";

/** One hook as an agent needs to know it: when it fires and what it does, in either of Kiro's formats. */
export interface HookSummary {
  /** The hook file, relative to the root. */
  readonly file: string;
  /** `v1`: `.kiro/hooks/*.json` (Kiro 1.0); `legacy`: `.kiro/hooks/*.kiro.hook` (Kiro 0.x). */
  readonly format: "v1" | "legacy";
  readonly name: string;
  readonly description?: string;
  /** The event, in the file's own vocabulary (`PostFileSave`, `fileEdited`, …). */
  readonly trigger: string;
  /** v1: a regular expression on the file path or tool name; legacy: the file globs joined by `, `. */
  readonly matcher?: string;
  readonly action: { readonly type: string; readonly command?: string; readonly prompt?: string };
  readonly enabled: boolean;
  /** legacy: the file globs of a file trigger, one by one. */
  readonly patterns?: readonly string[];
  /** legacy: the tool categories or names of a tool trigger. */
  readonly toolTypes?: readonly string[];
  /** Seconds the action may run, when the file says. */
  readonly timeout?: number;
}

/** A hook file that could not be read or parsed into hooks; `specwright check` reports the details. */
export interface HookFileProblem {
  readonly file: string;
  readonly code: string;
  readonly message: string;
}

export interface HookList {
  readonly root: string;
  readonly hooks: readonly HookSummary[];
  readonly problems: readonly HookFileProblem[];
}

/** The hooks of the workspace, from both hook formats, in file order. */
export async function listHooks(options: WorkspaceOptions): Promise<HookList> {
  const root = await resolveWorkspaceRoot(options);
  const { hooks: paths } = await listKiroFiles(root);
  const read = readWorkspaceFiles(root, paths);
  const model = buildWorkspaceModel(read);
  const hooks: HookSummary[] = [];
  const problems: HookFileProblem[] = read.unreadable.map(({ path, code, message }) => ({ file: path, code, message }));
  for (const { path, document } of model.hookFiles) {
    if (!document.hookFile) {
      problems.push(firstProblem(path, document.diagnostics));
      continue;
    }
    for (const hook of document.hookFile.hooks) {
      hooks.push({
        file: path,
        format: "v1",
        name: hook.name,
        trigger: hook.trigger,
        ...(hook.matcher === undefined ? {} : { matcher: hook.matcher }),
        action: {
          type: hook.action.type,
          ...(hook.action.command === undefined ? {} : { command: hook.action.command }),
          ...(hook.action.prompt === undefined ? {} : { prompt: hook.action.prompt }),
        },
        enabled: hook.enabled ?? true,
        ...(hook.timeout === undefined ? {} : { timeout: hook.timeout }),
      });
    }
  }
  for (const { path, document } of model.legacyHooks) {
    const hook = document.data;
    if (!hook) {
      problems.push(firstProblem(path, document.diagnostics));
      continue;
    }
    const patterns = hook.when.patterns ?? [];
    const command = hook.then.command;
    const prompt = hook.then.prompt ?? hook.then.message;
    hooks.push({
      file: path,
      format: "legacy",
      name: hook.name,
      ...(hook.description === undefined ? {} : { description: hook.description }),
      trigger: hook.when.type,
      ...(patterns.length > 0 ? { matcher: patterns.join(", ") } : {}),
      action: {
        type: hook.then.type,
        ...(command === undefined ? {} : { command }),
        ...(prompt === undefined ? {} : { prompt }),
      },
      enabled: hook.enabled ?? true,
      ...(patterns.length > 0 ? { patterns } : {}),
      ...(hook.when.toolTypes === undefined ? {} : { toolTypes: hook.when.toolTypes }),
      ...(hook.then.timeout === undefined ? {} : { timeout: hook.then.timeout }),
    });
  }
  hooks.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { root, hooks, problems };
}

function firstProblem(
  file: string,
  diagnostics: readonly { readonly code: string; readonly message: string }[],
): HookFileProblem {
  const first = diagnostics[0];
  return {
    file,
    code: first?.code ?? "hook-unreadable",
    message: first?.message ?? "The hook file holds no hooks Kiro can read; run `specwright check` for details.",
  };
}
