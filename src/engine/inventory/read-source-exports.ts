import { join } from "node:path";
import type { ModuleExports } from "../../model/inventory/module-exports.js";
import { hasExportScanner, isTestFileName, scanModuleExports } from "../../model/inventory/scan-module-exports.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import type { RepositoryFile } from "../../workspace/walk-repository-files.js";

/** A source file larger than this is generated or vendored; its exports are not read. */
export const MAX_SOURCE_FILE_BYTES = 256 * 1024;

export interface SourceExportsReading {
  /** Every scanned file, with or without exports, in the order of `files`. */
  readonly modules: readonly ModuleExports[];
  /** Characters read. */
  readonly charsRead: number;
  /** Source files left unread because `maxChars` was reached. */
  readonly skippedForBudget: number;
}

/**
 * The exports of the source files among `files`, reading at most `maxChars` characters in all. Test files,
 * declaration files, files over `MAX_SOURCE_FILE_BYTES` and unreadable files are passed over.
 */
export async function readSourceExports(
  root: string,
  files: readonly RepositoryFile[],
  maxChars: number,
): Promise<SourceExportsReading> {
  const modules: ModuleExports[] = [];
  let charsRead = 0;
  let skippedForBudget = 0;
  for (const file of files) {
    if (!hasExportScanner(file.path) || isTestFileName(file.path) || file.bytes > MAX_SOURCE_FILE_BYTES) continue;
    if (charsRead + file.bytes > maxChars) {
      skippedForBudget++;
      continue;
    }
    let text: string;
    try {
      text = await readTextFile(join(root, ...file.path.split("/")), { maxBytes: MAX_SOURCE_FILE_BYTES });
    } catch {
      // Binary, not UTF-8 or gone since the walk: nothing to learn from it.
      continue;
    }
    charsRead += text.length;
    const scanned = scanModuleExports(file.path, text);
    if (scanned !== undefined) modules.push(scanned);
  }
  return { modules, charsRead, skippedForBudget };
}
