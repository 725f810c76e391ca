import { join } from "node:path";
import { type BugfixDocument, parseBugfix } from "../model/bugfix/index.js";
import { type DesignDocument, parseDesign } from "../model/design/index.js";
import { parseRequirements, type RequirementsDocument } from "../model/requirements/index.js";
import { parseSpecConfig, type SpecConfigDocument } from "../model/settings/index.js";
import { parseTasks } from "../model/tasks/parse-tasks.js";
import type { TasksDocument } from "../model/tasks/task-types.js";
import { readTextFile } from "../workspace/read-text-file.js";
import { listSpecFolders, type SpecFolder } from "../workspace/spec-folders.js";
import { isWorkspaceError } from "../workspace/workspace-error.js";
import { resolveSpecFolder } from "./resolve-spec.js";
import type { SpecProblem } from "./spec-status.js";
import { type SpecSummary, summarizeSpec } from "./spec-summary.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "./workspace-context.js";

/** A spec folder with every document it has, parsed; a file that cannot be read becomes a problem. */
export interface LoadedSpec {
  readonly root: string;
  readonly summary: SpecSummary;
  readonly requirements?: RequirementsDocument;
  readonly bugfix?: BugfixDocument;
  readonly design?: DesignDocument;
  readonly tasks?: TasksDocument;
  readonly config?: SpecConfigDocument;
  readonly problems: readonly SpecProblem[];
}

export async function loadSpec(options: WorkspaceOptions & { readonly spec: string }): Promise<LoadedSpec> {
  const root = await resolveWorkspaceRoot(options);
  const folder = resolveSpecFolder(await listSpecFolders(root), options.spec);
  return loadSpecFolder(root, folder);
}

export async function loadSpecFolder(root: string, folder: SpecFolder): Promise<LoadedSpec> {
  const problems: SpecProblem[] = [];
  const read = async <T>(name: string, parse: (text: string) => T): Promise<T | undefined> => {
    if (!folder.documents.some((document) => document === name)) return undefined;
    const file = join(folder.path, name);
    try {
      return parse(await readTextFile(file));
    } catch (error) {
      if (!isWorkspaceError(error)) throw error;
      problems.push({ file, code: error.code, message: error.message, fix: error.fix });
      return undefined;
    }
  };
  const [requirements, bugfix, design, tasks, config] = await Promise.all([
    read("requirements.md", parseRequirements),
    read("bugfix.md", parseBugfix),
    read("design.md", parseDesign),
    read("tasks.md", parseTasks),
    read(".config.kiro", parseSpecConfig),
  ]);
  return {
    root,
    summary: summarizeSpec(folder, config?.specType),
    ...(requirements ? { requirements } : {}),
    ...(bugfix ? { bugfix } : {}),
    ...(design ? { design } : {}),
    ...(tasks ? { tasks } : {}),
    ...(config ? { config } : {}),
    problems,
  };
}
