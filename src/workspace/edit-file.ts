import { lstat } from "node:fs/promises";
import { writeFileAtomic } from "./atomic-write.js";
import { containedRealPath, workspaceOfPath } from "./contained-path.js";
import { type FileLockOptions, withFileLock } from "./file-lock.js";
import { type ReadTextFileOptions, readTextFile } from "./read-text-file.js";
import { resolveRealPath } from "./resolve-real-path.js";

export interface EditTextFileOptions extends FileLockOptions, ReadTextFileOptions {}

export interface EditTextFileResult {
  /** The file really edited: `path` with symlinks resolved. */
  readonly path: string;
  /** Whether `path` itself is a symlink (followed, since it leads to a file inside the workspace). */
  readonly viaSymlink: boolean;
  readonly changed: boolean;
  readonly before: string;
  readonly after: string;
}

/**
 * The one way a command modifies a file. Under the file's lock, the current content is read fresh from
 * disk, `edit` computes the new content from it (return undefined, or the same text, for no change), and
 * the result is written atomically. Because the edit always sees the latest content and nobody else can
 * write in between, concurrent edits from any number of processes are applied one after the other and no
 * update is lost. `edit` must be pure and quick: a lock held longer than `staleAfterMs` may be taken over.
 * A path through a symlink edits (and locks) the real file; with `within`, only one inside the workspace.
 */
export async function editTextFile(
  path: string,
  edit: (current: string) => string | undefined,
  options: EditTextFileOptions = {},
): Promise<EditTextFileResult> {
  const within = workspaceOfPath(path, options.within);
  const target = within === undefined ? await resolveRealPath(path) : await containedRealPath(path, within, "write");
  const viaSymlink = await lstat(path).then(
    (stats) => stats.isSymbolicLink(),
    () => false,
  );
  return withFileLock(
    target,
    async () => {
      const before = await readTextFile(target, options);
      const after = edit(before) ?? before;
      if (after === before) return { path: target, viaSymlink, changed: false, before, after };
      await writeFileAtomic(target, after, { within });
      return { path: target, viaSymlink, changed: true, before, after };
    },
    options,
  );
}
