import type { SpecFolder } from "../workspace/spec-folders.js";

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
