import { relative, sep } from "node:path";
import type { WorkspaceFileInput } from "../../rules/build-workspace-model.js";
import type { UnreadableFile } from "../../rules/workspace-model.js";
import { readTextFileSync } from "../../workspace/read-text-file.js";
import { isWorkspaceError } from "../../workspace/workspace-error.js";

/** A segment `.` or `..`, an empty one (`//`, a trailing `/`), or nothing at all. */
const UNNORMALIZED = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|^$|\/$|^\//;

/** A path relative to the workspace root with `/` separators, as diagnostics name files. */
export function relativeToRoot(root: string, path: string): string {
  // The paths of a listing are the root joined with names: slicing the root off gives what `relative` gives,
  // without resolving both paths once per file. Anything else (`..`, `.`, doubled or Windows separators) is
  // left to `relative`.
  if (sep === "/" && path.startsWith(root) && path.charCodeAt(root.length) === 47 && !root.endsWith("/")) {
    const rest = path.slice(root.length + 1);
    if (!UNNORMALIZED.test(rest)) return rest;
  }
  return relative(root, path).split(sep).join("/");
}

/**
 * Reads files for the model: the ones that read become inputs, the ones that cannot (binary, invalid
 * UTF-8, deleted meanwhile, permission denied) become problems with a fix; nothing throws for a bad file.
 */
export function readWorkspaceFiles(
  root: string,
  paths: readonly string[],
): { readonly files: WorkspaceFileInput[]; readonly unreadable: UnreadableFile[] } {
  const files: WorkspaceFileInput[] = [];
  const unreadable: UnreadableFile[] = [];
  // One spec's files share a folder: its real path is resolved once for all of them. Every path is the
  // root's, so the root bounds them all (not found again from each path's `.kiro` segment).
  const options = { within: root, realFolders: new Map<string, string>() };
  for (const path of paths) {
    try {
      files.push({ path: relativeToRoot(root, path), text: readTextFileSync(path, options) });
    } catch (error) {
      if (!isWorkspaceError(error)) throw error;
      unreadable.push({ path: relativeToRoot(root, path), code: error.code, message: error.message, fix: error.fix });
    }
  }
  return { files, unreadable };
}
