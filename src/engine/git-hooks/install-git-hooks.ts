import { join } from "node:path";
import type { GitRepository } from "../../workspace/git/git-repository.js";
import { hooksDirectory } from "../../workspace/git/history.js";
import { moveFile, removeFile, writeExecutableFile } from "../../workspace/hook-files.js";
import { pathExists } from "../../workspace/path-exists.js";
import { readTextFileSync } from "../../workspace/read-text-file.js";
import { requireGitRepository } from "../checkpoints/require-git-repository.js";
import { EngineError } from "../errors/engine-error.js";
import { chainedHookName, type GitHookName, HOOK_MARKER, hookScript } from "./hook-script.js";

export interface GitHooksOptions {
  readonly root: string;
  readonly hooks: readonly GitHookName[];
}

/** What happened to one hook: written (keeping the user's hook as chained), already ours, removed, absent. */
export interface HookChange {
  readonly hook: GitHookName;
  readonly path: string;
  readonly action: "installed" | "updated" | "removed" | "not-installed";
  /** The user's hook that runs before ours (install), or was put back (uninstall). */
  readonly chained?: string;
}

export interface GitHooksResult {
  readonly hooksDirectory: string;
  readonly hooks: readonly HookChange[];
}

/**
 * Installs Specwright's hooks into the folder git runs hooks from (`core.hooksPath` respected). A hook the
 * user already has is not overwritten: it is renamed to `<hook>.specwright-chained` and ours runs it first.
 */
export async function installGitHooks(
  options: GitHooksOptions & { readonly command: readonly string[] },
): Promise<GitHooksResult> {
  const { directory } = await locate(options.root);
  const hooks: HookChange[] = [];
  for (const hook of options.hooks) {
    const path = join(directory, hook);
    const chained = join(directory, chainedHookName(hook));
    const ours = isOurHook(path);
    if (!ours && (await pathExists(path))) {
      if (await pathExists(chained)) {
        // A chained hook from an earlier install that was later replaced by hand: never overwrite either.
        throw new EngineError({
          code: "hook-conflict",
          message: `Both ${path} and ${chained} exist and neither is Specwright's hook.`,
          fix: `Merge them by hand into ${chainedHookName(hook)} (or remove one), then install again.`,
        });
      }
      await moveFile(path, chained);
    }
    await writeExecutableFile(directory, path, hookScript(hook, options.command));
    const hasChained = await pathExists(chained);
    hooks.push({
      hook,
      path,
      action: ours ? "updated" : "installed",
      ...(hasChained ? { chained } : {}),
    });
  }
  return { hooksDirectory: directory, hooks };
}

/** Removes exactly what install added: our hook files, with the user's chained hook put back in place. */
export async function uninstallGitHooks(options: GitHooksOptions): Promise<GitHooksResult> {
  const { directory } = await locate(options.root);
  const hooks: HookChange[] = [];
  for (const hook of options.hooks) {
    const path = join(directory, hook);
    const chained = join(directory, chainedHookName(hook));
    if (!isOurHook(path)) {
      hooks.push({ hook, path, action: "not-installed" });
      continue;
    }
    await removeFile(path);
    const hasChained = await pathExists(chained);
    if (hasChained) await moveFile(chained, path);
    hooks.push({ hook, path, action: "removed", ...(hasChained ? { chained: path } : {}) });
  }
  return { hooksDirectory: directory, hooks };
}

async function locate(root: string): Promise<{ repository: GitRepository; directory: string }> {
  const repository = await requireGitRepository(root);
  return { repository, directory: await hooksDirectory(repository) };
}

/** A hook file that cannot be read as text (a binary, a dangling link) is the user's, never ours. */
function isOurHook(path: string): boolean {
  try {
    return readTextFileSync(path).includes(HOOK_MARKER);
  } catch {
    return false;
  }
}
