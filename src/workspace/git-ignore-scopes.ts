import { readFile } from "node:fs/promises";
import { join } from "node:path";
import ignore, { type Ignore } from "ignore";

/** A `.gitignore` larger than this is not a real one; it is skipped rather than parsed. */
const MAX_GITIGNORE_BYTES = 256 * 1024;

/** The rules of one ignore file and the folder they belong to. */
export interface IgnoreScope {
  /** Relative to the root, `/`-separated ("" for the root). */
  readonly base: string;
  readonly rules: Ignore;
}

/**
 * The rules in force at `start` (root-relative, "" for the root): `.git/info/exclude` and the root's
 * `.gitignore`, then the `.gitignore` of every folder on the way down to `start`'s parent; the walk adds
 * `start`'s own. Undefined when `start` or a folder above it is ignored, since git then lists nothing in it
 * (and never reads the ignore files inside).
 */
export async function ignoreScopesAt(root: string, start: string): Promise<IgnoreScope[] | undefined> {
  const rootRules = ignore()
    .add(await readIgnoreFile(join(root, ".git", "info", "exclude")))
    .add(await readIgnoreFile(join(root, ".gitignore")));
  const scopes: IgnoreScope[] = [{ base: "", rules: rootRules }];
  const parts = start === "" ? [] : start.split("/");
  for (let index = 1; index <= parts.length; index++) {
    const folder = parts.slice(0, index).join("/");
    if (isIgnored(scopes, folder, true)) return undefined;
    if (index === parts.length) break;
    const text = await readIgnoreFile(join(root, ...parts.slice(0, index), ".gitignore"));
    if (text !== "") scopes.push({ base: folder, rules: ignore().add(text) });
  }
  return scopes;
}

/** The scopes for a folder's entries: its parent's plus its own `.gitignore` (call it only when there is one). */
export async function withFolderIgnoreFile(
  scopes: readonly IgnoreScope[],
  folder: string,
  absoluteFolder: string,
): Promise<readonly IgnoreScope[]> {
  const text = await readIgnoreFile(join(absoluteFolder, ".gitignore"));
  return text === "" ? scopes : [...scopes, { base: folder, rules: ignore().add(text) }];
}

/** As git decides: the deepest .gitignore with a rule for the path wins, so `!keep.log` below beats `*.log` above. */
export function isIgnored(scopes: readonly IgnoreScope[], path: string, isDirectory: boolean): boolean {
  for (let index = scopes.length - 1; index >= 0; index--) {
    const scope = scopes[index];
    if (scope === undefined) continue;
    const relative = scope.base === "" ? path : path.slice(scope.base.length + 1);
    if (relative === "") continue;
    const verdict = scope.rules.test(isDirectory ? `${relative}/` : relative);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

async function readIgnoreFile(path: string): Promise<string> {
  try {
    const bytes = await readFile(path);
    return bytes.byteLength > MAX_GITIGNORE_BYTES ? "" : bytes.toString("utf8");
  } catch {
    // No ignore file (or an unreadable one) ignores nothing, as git treats it.
    return "";
  }
}
