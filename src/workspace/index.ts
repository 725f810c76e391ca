export { type WriteFileAtomicOptions, writeFileAtomic } from "./atomic-write.js";
export { type EditTextFileOptions, type EditTextFileResult, editTextFile } from "./edit-file.js";
export {
  acquireFileLock,
  type FileLock,
  type FileLockOptions,
  lockPathFor,
  withFileLock,
} from "./file-lock.js";
export { type FindKiroRootOptions, findKiroRoot, locateKiroRoot } from "./find-kiro-root.js";
export { KIRO_DIRECTORY_NAME, type KiroPaths, kiroPaths } from "./kiro-paths.js";
export { type KiroFiles, listKiroFiles } from "./list-kiro-files.js";
export { type ListKiroRootsOptions, listKiroRoots, SKIPPED_DIRECTORY_NAMES } from "./list-kiro-roots.js";
export { type LockRecord, lockRecordSchema } from "./lock-record.js";
export { DEFAULT_MAX_TEXT_FILE_BYTES, type ReadTextFileOptions, readTextFile } from "./read-text-file.js";
export {
  KNOWN_SPEC_DOCUMENTS,
  type KnownSpecDocument,
  listSpecFolders,
  type SpecFolder,
  specDocumentPath,
} from "./spec-folders.js";
export {
  isWorkspaceError,
  WorkspaceError,
  type WorkspaceErrorCode,
  type WorkspaceErrorOptions,
} from "./workspace-error.js";
