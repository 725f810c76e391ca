import { join } from "node:path";
import { readTextFile } from "../../workspace/read-text-file.js";
import type { SpecFolder } from "../../workspace/spec-folders.js";
import { isWorkspaceError } from "../../workspace/workspace-error.js";

export type SpecType = "feature" | "bugfix";

/** What `list` shows of a spec: its kind and which documents it has. */
export interface SpecSummary {
  readonly name: string;
  readonly path: string;
  readonly type: SpecType;
  readonly documents: {
    readonly requirements: boolean;
    readonly bugfix: boolean;
    readonly design: boolean;
    readonly tasks: boolean;
    readonly config: boolean;
  };
  readonly otherFiles: readonly string[];
}

/**
 * A spec is a bugfix when it has bugfix.md. `.config.kiro` can say so too; the caller passes what it read,
 * so listing a thousand specs does not parse a thousand JSON files when the folder already tells.
 */
export function summarizeSpec(folder: SpecFolder, configSpecType?: string): SpecSummary {
  const has = (name: string) => folder.documents.some((document) => document === name);
  const bugfix = has("bugfix.md");
  return {
    name: folder.name,
    path: folder.path,
    type: bugfix || configSpecType === "bugfix" ? "bugfix" : "feature",
    documents: {
      requirements: has("requirements.md"),
      bugfix,
      design: has("design.md"),
      tasks: has("tasks.md"),
      config: has(".config.kiro"),
    },
    otherFiles: folder.otherFiles,
  };
}

/** The summary of a spec folder, reading `.config.kiro` when only it can tell the spec's type. */
export async function readSpecSummary(folder: SpecFolder): Promise<SpecSummary> {
  return summarizeSpec(folder, await configSpecType(folder));
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
    const { parseSpecConfig } = await import("../../model/settings/parse-spec-config.js");
    return parseSpecConfig(await readTextFile(join(folder.path, ".config.kiro"))).config?.specType;
  } catch (error) {
    if (isWorkspaceError(error)) return undefined;
    throw error;
  }
}
