import { relative, resolve, sep } from "node:path";
import { ALL_RULES } from "../rules/all-rules.js";
import { type CheckDiagnostic, type CheckSummary, summarize } from "../rules/check-result.js";
import type { Rule } from "../rules/rule.js";
import { runRules, sortDiagnostics } from "../rules/run-rules.js";
import { pathExists } from "../workspace/path-exists.js";
import type { SpecFolder } from "../workspace/spec-folders.js";
import { CheckCache } from "./check-cache.js";
import { EngineError } from "./engine-error.js";
import { loadWorkspaceParts } from "./load-workspace-model.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "./workspace-context.js";

export interface CheckReport {
  readonly root: string;
  readonly diagnostics: readonly CheckDiagnostic[];
  readonly summary: CheckSummary;
  readonly rules: readonly Rule[];
}

/** Checks every `.kiro/` file of the workspace; `paths` (files or folders) narrow what is reported. */
export async function runCheck(
  options: WorkspaceOptions & {
    readonly paths?: readonly string[];
    /** Reuse results of unchanged specs from the last run (default true). */
    readonly cache?: boolean;
  },
): Promise<CheckReport> {
  const root = await resolveWorkspaceRoot(options);
  const prefixes = await Promise.all((options.paths ?? []).map((path) => toPrefix(root, options.cwd, path)));
  const parts = await loadWorkspaceParts(root);
  const all = runRules(parts.shared, ALL_RULES);
  let files = parts.shared.steering.length + parts.shared.legacyHooks.length + parts.shared.hookFiles.length;
  files += (parts.shared.mcpSettings ? 1 : 0) + (parts.shared.specwrightSettings ? 1 : 0);
  const settingsText = parts.shared.specwrightSettings?.document.source.text ?? "";
  const cache = options.cache === false ? undefined : await CheckCache.open(root, ALL_RULES, settingsText);
  const fingerprints = new Map<string, string>();
  const toCheck: SpecFolder[] = [];
  for (const folder of parts.folders) {
    const cached = cache?.lookup(folder);
    if (cached?.hit) {
      all.push(...cached.hit.diagnostics);
      files += cached.hit.files;
    } else {
      toCheck.push(folder);
      if (cached) fingerprints.set(folder.name, cached.fingerprint);
    }
  }
  for (const part of parts.specParts(toCheck)) {
    const diagnostics = runRules(part, ALL_RULES, { settings: parts.shared.specwrightSettings });
    all.push(...diagnostics);
    for (const spec of part.specs) {
      const specFiles = [spec.requirements, spec.bugfix, spec.design, spec.tasks, spec.config].filter(Boolean).length;
      files += specFiles;
      const fingerprint = fingerprints.get(spec.name);
      if (cache && fingerprint !== undefined) {
        const own = diagnostics.filter(
          (diagnostic) => diagnostic.file === spec.path || diagnostic.file.startsWith(`${spec.path}/`),
        );
        cache.store(spec.name, { fingerprint, files: specFiles, diagnostics: own });
      }
    }
  }
  await cache?.save();
  sortDiagnostics(all);
  const diagnostics =
    prefixes.length === 0
      ? all
      : all.filter((diagnostic) =>
          prefixes.some(
            (prefix) => prefix === "" || diagnostic.file === prefix || diagnostic.file.startsWith(`${prefix}/`),
          ),
        );
  return {
    root,
    diagnostics,
    summary: summarize(diagnostics, { files, specs: parts.folders.length }),
    rules: ALL_RULES,
  };
}

async function toPrefix(root: string, cwd: string, path: string): Promise<string> {
  const absolute = resolve(cwd, path);
  const inside = relative(root, absolute);
  if (inside.startsWith("..") || !(await pathExists(absolute))) {
    throw new EngineError({
      code: "unknown-path",
      kind: "usage",
      message: `${path} is not a file or folder inside the workspace ${root}.`,
      fix: "Pass paths inside the workspace, such as .kiro/specs/<name>, or none to check everything.",
    });
  }
  return inside.split(sep).join("/");
}
