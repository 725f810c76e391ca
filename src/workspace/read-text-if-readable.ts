import { readTextFileSync } from "./read-text-file.js";
import { isWorkspaceError } from "./workspace-error.js";

/**
 * The file's text, or undefined when it cannot be read as text (missing, binary, no permission): for
 * inputs that are optional, where the caller goes on without them.
 */
export function readTextIfReadable(path: string): string | undefined {
  try {
    return readTextFileSync(path);
  } catch (error) {
    if (isWorkspaceError(error)) return undefined;
    throw error;
  }
}
