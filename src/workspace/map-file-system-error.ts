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
    case "ELOOP":
      return new WorkspaceError({
        code: "io-error",
        message: `Cannot ${verb} ${path}: it goes through a symlink loop (a link that leads back to itself), or through too many links.`,
        fix: "Find the symlink on that path that points back at itself (`ls -l` each folder on the way) and fix or remove it.",
        path,
        cause: error,
      });
    case "ENAMETOOLONG":
      return new WorkspaceError({
        code: "io-error",
        message: `Cannot ${verb} ${path}: the path, or one name in it, is longer than the file system allows.`,
        fix: "Use shorter folder and file names (most file systems allow 255 bytes per name).",
        path,
        cause: error,
      });
    case "ENOSPC":
    case "EDQUOT":
      return new WorkspaceError({
        code: "io-error",
        message: `Cannot ${verb} ${path}: the disk (or your quota) is full.`,
        fix: "Free some space on that disk, then retry; the file was left as it was.",
        path,
        cause: error,
      });
    case "EMFILE":
    case "ENFILE":
      return new WorkspaceError({
        code: "io-error",
        message: `Cannot ${verb} ${path}: too many files are open at once.`,
        fix: "Close other programs or raise the open-file limit (`ulimit -n`), then retry.",
        path,
        cause: error,
      });
    case "EBUSY":
    case "ETXTBSY":
      return new WorkspaceError({
        code: "io-error",
        message: `Cannot ${verb} ${path}: another program is using it.`,
        fix: "Close the program that has it open (an editor, an indexer, an antivirus scan), then retry.",
        path,
        cause: error,
      });
    case "ENXIO":
    case "ENODEV":
      return new WorkspaceError({
        code: "not-a-file",
        message: `Cannot ${verb} ${path}: it is a device or socket, not a regular file.`,
        fix: "Replace it by a regular text file (or remove it), then retry.",
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
