import { join } from "node:path";
import { readTextFile } from "../workspace/read-text-file.js";
import { listSpecFolders, type SpecFolder } from "../workspace/spec-folders.js";
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
 * The `specType` a `.config.kiro` declares. Only bugfix specs without bugfix.md need it, so the file is
 * read only then; a config that cannot be read or parsed leaves the spec a feature (`check` reports it).
 */
async function configSpecType(folder: SpecFolder): Promise<string | undefined> {
  if (!folder.documents.includes(".config.kiro") || folder.documents.includes("bugfix.md")) return undefined;
  if (folder.documents.includes("requirements.md")) return undefined;
  try {
    const value: unknown = JSON.parse((await readTextFile(join(folder.path, ".config.kiro"))).replace(/^\uFEFF/, ""));
    if (typeof value === "object" && value !== null && "specType" in value && typeof value.specType === "string") {
      return value.specType;
    }
  } catch {
    // Unreadable or invalid: the spec stays a feature spec; `check` reports the file itself.
  }
  return undefined;
}
