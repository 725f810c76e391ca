import { listSpecFolders } from "../../workspace/spec-folders.js";
import { readSpecSummary, type SpecSummary } from "../status/spec-summary.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "./workspace-context.js";

export interface SpecList {
  readonly root: string;
  readonly specs: readonly SpecSummary[];
}

export async function listSpecs(options: WorkspaceOptions): Promise<SpecList> {
  const root = await resolveWorkspaceRoot(options);
  const folders = await listSpecFolders(root);
  const specs = await Promise.all(folders.map(readSpecSummary));
  return { root, specs };
}
