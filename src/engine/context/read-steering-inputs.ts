import { parseSteering } from "../../model/steering/parse-steering.js";
import { listKiroFiles } from "../../workspace/list-kiro-files.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { PathRefusedError } from "../../workspace/sandbox/path-refused-error.js";
import { resolveSafePath } from "../../workspace/sandbox/safe-path.js";
import { isWorkspaceError } from "../../workspace/workspace-error.js";
import { relativeToRoot } from "../workspace-model/read-workspace-files.js";
import { includedFileReferences } from "./included-file-references.js";
import type { ReferencedFile, SteeringInput, SteeringProblem } from "./steering-selection.js";

/** A referenced file larger than this is not inlined: a steering include is context, not a data dump. */
const MAX_REFERENCED_FILE_BYTES = 1024 * 1024;

export interface SteeringInputs {
  readonly steering: readonly SteeringInput[];
  /** Steering files that could not be read; they are left out, not fatal. */
  readonly problems: readonly SteeringProblem[];
}

/**
 * Reads `.kiro/steering/*.md` and, for each, the targets of its `#[[file:…]]` references. A file that
 * cannot be read and a reference that is missing, unreadable or outside the workspace become problems.
 */
export async function readSteeringInputs(root: string): Promise<SteeringInputs> {
  const { steering: paths } = await listKiroFiles(root);
  const steering: SteeringInput[] = [];
  const problems: SteeringProblem[] = [];
  for (const path of paths) {
    const relativePath = relativeToRoot(root, path);
    let text: string;
    try {
      text = await readTextFile(path);
    } catch (error) {
      if (!isWorkspaceError(error)) throw error;
      problems.push({ path: relativePath, message: `${error.message} ${error.fix}` });
      continue;
    }
    const document = parseSteering(text);
    const wanted = [...new Set(includedFileReferences(document).map((reference) => reference.path))];
    const referencedFiles: ReferencedFile[] = [];
    for (const target of wanted) referencedFiles.push(await readReferencedFile(root, target));
    steering.push({ path: relativePath, document, referencedFiles });
  }
  return { steering, problems };
}

async function readReferencedFile(root: string, path: string): Promise<ReferencedFile> {
  if (path === "") return { path, problem: "the reference names no file" };
  try {
    // A context goes to a model: nothing outside the workspace (by name or through a symlink), no secrets.
    const safe = await resolveSafePath(root, path, "read");
    return { path, text: await readTextFile(safe.real, { maxBytes: MAX_REFERENCED_FILE_BYTES }) };
  } catch (error) {
    if (error instanceof PathRefusedError) return { path, problem: `${error.message} It is not included.` };
    if (!isWorkspaceError(error)) throw error;
    return {
      path,
      problem: error.code === "not-found" ? `there is no file ${path} in the workspace` : error.message,
    };
  }
}
