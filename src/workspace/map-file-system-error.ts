import { errorCodeOf } from "./error-code.js";
import { WorkspaceError } from "./workspace-error.js";

export type FileOperation = "read" | "write" | "list" | "lock";

/**
 * Turns a Node file-system error into a WorkspaceError with a fix. An error that already is a
 * WorkspaceError passes through unchanged, so nested helpers can all call this safely.
 */
export function mapFileSystemError(error: unknown, path: string, operation: FileOperation): WorkspaceError {
  if (error instanceof WorkspaceError) return error;
  const verb = operation;
  switch (errorCodeOf(error)) {
    case "ENOENT":
    case "ENOTDIR":
      return new WorkspaceError({
        code: "not-found",
        message: `Cannot ${verb} ${path}: it does not exist.`,
        fix: "Check the path; the file or one of its folders may have been moved or deleted by another program.",
        path,
        cause: error,
      });
    case "EACCES":
    case "EPERM":
      return new WorkspaceError({
        code: "permission-denied",
        message: `Cannot ${verb} ${path}: permission denied.`,
        fix:
          operation === "read" || operation === "list"
            ? `Grant read access to ${path} (for example \`chmod u+r\`) or run as a user who may read it.`
            : `Grant write access to ${path} and its folder (for example \`chmod u+w\`) or run as its owner.`,
        path,
        cause: error,
      });
    case "EISDIR":
      return new WorkspaceError({
        code: "is-directory",
        message: `Cannot ${verb} ${path}: it is a directory, not a file.`,
        fix: "Pass the path of a file inside that directory.",
        path,
        cause: error,
      });
    case "EROFS":
      return new WorkspaceError({
        code: "read-only",
        message: `Cannot ${verb} ${path}: the file system is mounted read-only.`,
        fix: "Work in a writable checkout, or remount the file system read-write.",
        path,
        cause: error,
      });
    default:
      return new WorkspaceError({
        code: "io-error",
        message: `Cannot ${verb} ${path}: ${error instanceof Error ? error.message : String(error)}`,
        fix: "Check that the disk is available and has free space, then retry.",
        path,
        cause: error,
      });
  }
}
