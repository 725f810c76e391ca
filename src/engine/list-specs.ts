import { join } from "node:path";
import { readTextFile } from "../workspace/read-text-file.js";
import { listSpecFolders, type SpecFolder } from "../workspace/spec-folders.js";
import { isWorkspaceError } from "../workspace/workspace-error.js";
import { type SpecSummary, summarizeSpec } from "./spec-summary.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "./workspace-context.js";

export interface SpecList {
  readonly root: string;
  readonly specs: readonly SpecSummary[];
}

export async function listSpecs(options: WorkspaceOptions): Promise<SpecList> {
  const root = await resolveWorkspaceRoot(options);
  const folders = await listSpecFolders(root);
  const specs = await Promise.all(folders.map(async (folder) => summarizeSpec(folder, await configSpecType(folder))));
  return { root, specs };
}

/**
 * The `specType` a `.config.kiro` declares. Only a spec with neither bugfix.md nor requirements.md needs
 * it, so the file is read (and the parser loaded) only then; an unreadable config leaves the spec a feature
 * spec, and `check` reports the file itself.
 */
async function configSpecType(folder: SpecFolder): Promise<string | undefined> {
  const { documents } = folder;
  if (!documents.includes(".config.kiro") || documents.includes("bugfix.md") || documents.includes("requirements.md")) {
    return undefined;
  }
  try {
    const { parseSpecConfig } = await import("../model/settings/parse-spec-config.js");
    return parseSpecConfig(await readTextFile(join(folder.path, ".config.kiro"))).config?.specType;
  } catch (error) {
    if (isWorkspaceError(error)) return undefined;
    throw error;
  }
}
