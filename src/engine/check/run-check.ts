import { relative, resolve, sep } from "node:path";
import { type CheckDiagnostic, type CheckSummary, sortDiagnostics, summarize } from "../../rules/check-result.js";
import { pathExists } from "../../workspace/path-exists.js";
import { readTextFileSync } from "../../workspace/read-text-file.js";
import type { SpecFolder } from "../../workspace/spec-folders.js";
import { EngineError } from "../errors/engine-error.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "../workspace-model/workspace-context.js";
import { findWorkspaceLeftovers } from "../workspace-model/workspace-leftovers.js";
import { listWorkspace } from "../workspace-model/workspace-listing.js";
import { CheckCache } from "./check-cache.js";
import { sampleCpu } from "./cpu-load.js";

export interface CheckReport {
  readonly root: string;
  readonly diagnostics: readonly CheckDiagnostic[];
  readonly summary: CheckSummary;
}

/**
 * Checks every `.kiro/` file of the workspace; `paths` (files or folders) narrow what is reported. Results
 * of unchanged specs come from the cache; the parsers and rules are loaded only for what changed.
 */
export async function runCheck(
  options: WorkspaceOptions & {
    readonly paths?: readonly string[];
    /** Reuse results of unchanged files from the last run (default true). */
    readonly cache?: boolean;
  },
): Promise<CheckReport> {
  // Before the listing, so the load of other processes meanwhile can choose the threads of a large workspace.
  const cpuSince = sampleCpu();
  const root = await resolveWorkspaceRoot(options);
  const prefixes = await Promise.all((options.paths ?? []).map((path) => toPrefix(root, options.cwd, path)));
  const listing = await listWorkspace(root);
  const cache = options.cache === false ? undefined : await CheckCache.open(root, settingsText(listing.settingsPath));
  const all: CheckDiagnostic[] = [];
  let files = 0;
  const shared = cache?.lookupShared(listing.sharedPaths);
  const fingerprints = new Map<string, string>();
  const toCheck: SpecFolder[] = [];
  for (const folder of listing.folders) {
    const cached = cache?.lookupSpec(folder);
    if (cached?.hit) {
      all.push(...cached.hit.diagnostics);
      files += cached.hit.files;
    } else {
      toCheck.push(folder);
      if (cached) fingerprints.set(folder.name, cached.fingerprint);
    }
  }
  if (shared && toCheck.length === 0) {
    all.push(...shared.diagnostics);
    files += shared.files;
  } else {
    const { checkParts } = await import("./check-parts.js");
    const checked = await checkParts(listing, toCheck, { cpuSince });
    all.push(...checked.shared.diagnostics);
    files += checked.shared.files;
    cache?.storeShared(listing.sharedPaths, checked.shared);
    for (const spec of checked.specs) {
      all.push(...spec.diagnostics);
      files += spec.files;
      const fingerprint = fingerprints.get(spec.name);
      if (fingerprint !== undefined) cache?.storeSpec(spec.name, { fingerprint, ...spec });
    }
  }
  await cache?.save();
  all.push(...(await leftoverDiagnostics(findWorkspaceLeftovers(listing))));
  sortDiagnostics(all);
  const diagnostics = narrowDiagnostics(all, prefixes);
  return { root, diagnostics, summary: summarize(diagnostics, { files, specs: listing.folders.length }) };
}

/** Outside the cache: leftovers come and go with crashes, not with the files' content. */
async function leftoverDiagnostics(leftovers: readonly string[]): Promise<CheckDiagnostic[]> {
  if (leftovers.length === 0) return [];
  // Loaded only when there is something to report, like the rest of the rules.
  const [{ runRules }, { leftoverTemporary }] = await Promise.all([
    import("../../rules/run-rules.js"),
    import("../../rules/files/leftover-temporary.js"),
  ]);
  const model = { specs: [], steering: [], legacyHooks: [], hookFiles: [], existingReferences: new Set<string>() };
  return runRules({ ...model, unreadable: [], leftovers }, [leftoverTemporary]);
}

/** The diagnostics in the files or folders `prefixes` name (relative to the root); all when none is given. */
export function narrowDiagnostics(all: CheckDiagnostic[], prefixes: readonly string[]): CheckDiagnostic[] {
  if (prefixes.length === 0) return all;
  return all.filter((diagnostic) =>
    prefixes.some((prefix) => prefix === "" || diagnostic.file === prefix || diagnostic.file.startsWith(`${prefix}/`)),
  );
}

/** The settings file's text for the cache key; unreadable settings are reported by the check itself. */
function settingsText(path: string | undefined): string {
  if (path === undefined) return "";
  try {
    return readTextFileSync(path);
  } catch {
    return "\u0000unreadable";
  }
}

export async function toPrefix(root: string, cwd: string, path: string): Promise<string> {
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
