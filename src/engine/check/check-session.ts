import { isAbsolute, relative, resolve, sep } from "node:path";
import { ALL_DATA_FILE_PARSERS } from "../../rules/all-data-file-parsers.js";
import { type CheckDiagnostic, sortDiagnostics, summarize } from "../../rules/check-result.js";
import type { WorkspaceModel } from "../../rules/workspace-model.js";
import { readSpecFolder, type SpecFolder } from "../../workspace/spec-folders.js";
import { readSpecPart } from "../workspace-model/load-workspace-model.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "../workspace-model/workspace-context.js";
import { listSharedFiles, listWorkspace } from "../workspace-model/workspace-listing.js";
import { sharedFingerprint, specFingerprint } from "./check-cache.js";
import { checkShared, type SharedCheck } from "./check-parts.js";
import { checkSpecPart, type SpecCheck, specNameOfPath } from "./check-spec-part.js";
import { type CheckReport, narrowDiagnostics, toPrefix } from "./run-check.js";

/** What one re-check did: which specs were read again (and whether steering, hooks or settings were). */
export interface CheckUpdate {
  readonly rechecked: readonly string[];
  readonly shared: boolean;
  /** The results of the specs re-checked, the only ones that can have changed. */
  readonly specs: readonly SpecCheck[];
}

/**
 * `check` kept up to date in a long-running process (the MCP server, a watcher, the dashboard): the session
 * keeps every spec's parsed documents and results, and after an edit reads, parses and checks only the
 * spec the edited file is in. Rules look inside one spec at a time, so no other spec's result can change;
 * steering, hooks and settings are the shared part, and a settings change re-runs the rules of every spec
 * on the documents already parsed.
 */
export interface CheckSession {
  readonly root: string;
  /** The current results, narrowed to `paths` (files or folders, as `check <paths>` takes them). */
  report(paths?: readonly string[]): Promise<CheckReport>;
  /** Re-checks after these files or folders changed (absolute, or relative to the root). */
  update(paths: readonly string[]): Promise<CheckUpdate>;
  /** Finds by size, mtime and inode what changed on disk since the last look, and re-checks only that. */
  refresh(): Promise<CheckUpdate>;
  /** `refresh()` (or, given paths, `update(paths)`) then `report(paths)`: an up-to-date answer in one call. */
  check(paths?: readonly string[]): Promise<CheckReport>;
}

interface SpecEntry {
  readonly fingerprint: string;
  readonly part: WorkspaceModel;
  readonly result: SpecCheck;
}

interface SharedEntry {
  readonly fingerprint: string;
  readonly model: WorkspaceModel;
  readonly result: SharedCheck;
  readonly settingsText: string;
}

/** Specs read and checked together when a session opens. */
const OPEN_BATCH = 25;

export async function openCheckSession(options: WorkspaceOptions): Promise<CheckSession> {
  const root = await resolveWorkspaceRoot(options);
  const specs = new Map<string, SpecEntry>();
  let shared = await loadShared(root);
  const listing = await listWorkspace(root);
  for (let start = 0; start < listing.folders.length; start += OPEN_BATCH) {
    for (const [name, entry] of loadSpecs(root, listing.folders.slice(start, start + OPEN_BATCH), shared)) {
      specs.set(name, entry);
    }
  }

  // One change at a time: a watcher's batch and a tool call may arrive together.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const recheck = async (names: ReadonlySet<string>, sharedChanged: boolean): Promise<CheckUpdate> => {
    let all = false;
    if (sharedChanged) {
      const before = shared.settingsText;
      shared = await loadShared(root);
      all = shared.settingsText !== before;
    }
    const results: SpecCheck[] = [];
    for (const name of names) {
      const folder = readSpecFolder(root, name);
      if (!folder) {
        specs.delete(name);
        continue;
      }
      const entry = loadSpec(root, folder, shared);
      specs.set(name, entry);
      results.push(entry.result);
    }
    if (all) {
      // New severities or rules turned off: the documents are unchanged, only the rules run again.
      for (const [name, entry] of specs) {
        if (names.has(name)) continue;
        const result = checkSpecPart(entry.part, shared.model.specwrightSettings)[0] ?? entry.result;
        specs.set(name, { ...entry, result });
        results.push(result);
      }
    }
    return { rechecked: results.map((result) => result.name), shared: sharedChanged, specs: results };
  };

  const update = (paths: readonly string[]) =>
    serialized(async () => {
      const names = new Set<string>();
      let sharedChanged = false;
      for (const path of paths) {
        const inside = (isAbsolute(path) ? relative(root, path) : path).split(sep).join("/");
        const spec = specNameOfPath(inside);
        if (spec !== undefined) names.add(spec);
        else if (inside === ".kiro" || inside === ".kiro/specs" || inside === "") {
          // The folder of every spec changed (created, renamed): list them all again.
          for (const folder of (await listWorkspace(root)).folders) names.add(folder.name);
          for (const name of specs.keys()) names.add(name);
          sharedChanged = true;
        } else sharedChanged = true;
      }
      return recheck(names, sharedChanged);
    });

  const refresh = () =>
    serialized(async () => {
      const now = await listWorkspace(root);
      const names = new Set<string>();
      for (const folder of now.folders) {
        if (specs.get(folder.name)?.fingerprint !== specFingerprint(folder)) names.add(folder.name);
      }
      const present = new Set(now.folders.map((folder) => folder.name));
      for (const name of specs.keys()) if (!present.has(name)) names.add(name);
      return recheck(names, sharedFingerprintOf(now.sharedPaths, shared) !== shared.fingerprint);
    });

  const report = async (paths: readonly string[] = []): Promise<CheckReport> => {
    const prefixes = await Promise.all(paths.map((path) => toPrefix(root, options.cwd, path)));
    // Only specs asked for: their own results, without gathering and sorting ten thousand others.
    const names = prefixes.map((prefix) => specNameOfPath(prefix));
    const onlySpecs = names.length > 0 && names.every((name) => name !== undefined);
    const all: CheckDiagnostic[] = onlySpecs ? [] : [...shared.result.diagnostics];
    let files = shared.result.files;
    for (const [name, entry] of specs) {
      files += entry.result.files;
      if (!onlySpecs || names.includes(name)) all.push(...entry.result.diagnostics);
    }
    const diagnostics = narrowDiagnostics(sortDiagnostics(all), prefixes);
    return { root, diagnostics, summary: summarize(diagnostics, { files, specs: specs.size }) };
  };

  return {
    root,
    report,
    update,
    refresh,
    async check(paths) {
      if (paths && paths.length > 0) await update(paths.map((path) => resolve(options.cwd, path)));
      else await refresh();
      return report(paths);
    },
  };
}

function loadSpec(root: string, folder: SpecFolder, shared: SharedEntry): SpecEntry {
  return (
    loadSpecs(root, [folder], shared).get(folder.name) ?? {
      fingerprint: specFingerprint(folder),
      part: readSpecPart(root, [], ALL_DATA_FILE_PARSERS),
      result: { name: folder.name, files: 0, diagnostics: [] },
    }
  );
}

/** Reads and checks spec folders together (a part's fixed cost is shared), then keeps each spec's own part. */
function loadSpecs(root: string, folders: readonly SpecFolder[], shared: SharedEntry): Map<string, SpecEntry> {
  // Fingerprints are taken before the read: a write in between makes the next refresh read the spec again.
  const fingerprints = new Map(folders.map((folder) => [folder.name, specFingerprint(folder)]));
  // A long-lived session parses whatever the folders come to hold: every parser, loaded once.
  const part = readSpecPart(root, folders, ALL_DATA_FILE_PARSERS);
  const results = new Map(checkSpecPart(part, shared.model.specwrightSettings).map((result) => [result.name, result]));
  const entries = new Map<string, SpecEntry>();
  for (const spec of part.specs) {
    const own = {
      ...part,
      specs: [spec],
      unreadable: part.unreadable.filter((file) => file.path.startsWith(`${spec.path}/`)),
    };
    entries.set(spec.name, {
      fingerprint: fingerprints.get(spec.name) ?? "",
      part: own,
      result: results.get(spec.name) ?? { name: spec.name, files: 0, diagnostics: [] },
    });
  }
  return entries;
}

async function loadShared(root: string): Promise<SharedEntry> {
  const listing = await listSharedFiles(root);
  const { model, check } = await checkShared({ root, ...listing });
  const entry = {
    fingerprint: "",
    model,
    result: check,
    settingsText: model.specwrightSettings?.document.source.text ?? "",
  };
  return { ...entry, fingerprint: sharedFingerprintOf(listing.sharedPaths, entry) };
}

function sharedFingerprintOf(paths: readonly string[], entry: Pick<SharedEntry, "result">): string {
  return sharedFingerprint(paths, entry.result.references);
}
