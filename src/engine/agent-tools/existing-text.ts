import { pathKind } from "../../workspace/path-kind.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { isWorkspaceError } from "../../workspace/workspace-error.js";
import { TOOL_LIMITS } from "./tool-limits.js";

/**
 * The current text of a file about to be replaced or deleted (for the change log's line counts), or
 * undefined when there is no file. A binary or oversized file counts as "" (its lines are not counted).
 */
export async function existingText(path: string): Promise<string | undefined> {
  if ((await pathKind(path)) === "missing") return undefined;
  try {
    return await readTextFile(path, { maxBytes: TOOL_LIMITS.maxReadFileBytes });
  } catch (error) {
    if (
      isWorkspaceError(error, "binary-file") ||
      isWorkspaceError(error, "invalid-utf8") ||
      isWorkspaceError(error, "too-large")
    ) {
      return "";
    }
    throw error;
  }
}
