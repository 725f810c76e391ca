import { join } from "node:path";
import type { LockfileReading } from "../../model/inventory/installed-dependency.js";
import { manifestDependencyNames } from "../../model/inventory/manifest-dependency-names.js";
import {
  isRequirementsFile,
  LOCKFILE_KINDS,
  manifestOfLockfile,
  readLockfile,
} from "../../model/inventory/read-lockfile.js";
import type { RepositoryInventory } from "../../model/inventory/repository-inventory.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { type RepositoryFile, walkRepositoryFiles } from "../../workspace/walk-repository-files.js";
import { detectTestCommand } from "./detect-test-command.js";
import { readSourceExports } from "./read-source-exports.js";

export const DEFAULT_INVENTORY_MAX_FILES = 5_000;
/** Characters of source read for exports: a few megabytes covers a large application in well under a second. */
export const DEFAULT_INVENTORY_MAX_CHARS = 4_000_000;
/** The largest lockfile read; a monorepo's package-lock.json reaches tens of megabytes. */
const MAX_LOCKFILE_BYTES = 64 * 1024 * 1024;

/** Lockfiles inside test fixtures describe sample projects, not what this one installs. */
const FIXTURE_FOLDER = /(?:^|\/)(?:fixtures|__fixtures__|testdata|test-fixtures)\//;

export interface BuildRepositoryInventoryOptions {
  readonly root: string;
  /** Files the walk lists at most. */
  readonly maxFiles?: number;
  /** Characters of source files read for their exports at most. */
  readonly maxChars?: number;
}

/**
 * What the repository at `root` already has: the packages its lockfiles pin (with the versions actually
 * installed), its source modules and their exports, and its test command. Reads only; caps every walk and
 * read, and says in `notes` what a cap left out.
 */
export async function buildRepositoryInventory(options: BuildRepositoryInventoryOptions): Promise<RepositoryInventory> {
  const { root } = options;
  const maxFiles = options.maxFiles ?? DEFAULT_INVENTORY_MAX_FILES;
  const walk = await walkRepositoryFiles(root, { maxFiles });
  const notes: string[] = [];
  if (walk.truncated) notes.push(`the walk stopped at ${maxFiles} files; deeper files are not listed.`);

  const lockfiles = await readLockfiles(root, walk.files, notes);
  const sources = await readSourceExports(root, walk.files, options.maxChars ?? DEFAULT_INVENTORY_MAX_CHARS);
  if (sources.skippedForBudget > 0) {
    notes.push(`${sources.skippedForBudget} source files were not read: the character budget was reached.`);
  }
  const testCommand = await detectTestCommand(root);
  return {
    lockfiles,
    modules: sources.modules.filter((module) => module.exports.length > 0 || module.reExportsFrom.length > 0),
    ...(testCommand !== undefined ? { testCommand } : {}),
    filesSeen: walk.files.length,
    filesScanned: sources.modules.length,
    notes,
  };
}

async function readLockfiles(
  root: string,
  files: readonly RepositoryFile[],
  notes: string[],
): Promise<LockfileReading[]> {
  const paths = new Set(files.map((file) => file.path));
  const readings: LockfileReading[] = [];
  for (const file of files) {
    const name = file.path.slice(file.path.lastIndexOf("/") + 1);
    if (!LOCKFILE_KINDS.has(name) && !isRequirementsFile(file.path)) continue;
    if (FIXTURE_FOLDER.test(file.path)) continue;
    const text = await readOptionalText(root, file.path, MAX_LOCKFILE_BYTES);
    if (text === undefined) {
      notes.push(`${file.path} could not be read as text (too large, binary or unreadable).`);
      continue;
    }
    const manifest = manifestOfLockfile(file.path);
    const folder = file.path.slice(0, file.path.lastIndexOf("/") + 1);
    const manifestPath = manifest === undefined ? undefined : `${folder}${manifest}`;
    const manifestText =
      manifestPath !== undefined && paths.has(manifestPath)
        ? await readOptionalText(root, manifestPath, 4 * 1024 * 1024)
        : undefined;
    const names =
      manifest !== undefined && manifestText !== undefined
        ? manifestDependencyNames(manifest, manifestText)
        : undefined;
    const reading = readLockfile(file.path, text, names);
    if (reading !== undefined && reading.dependencies.length > 0) readings.push(reading);
  }
  return readings;
}

async function readOptionalText(root: string, path: string, maxBytes: number): Promise<string | undefined> {
  try {
    return await readTextFile(join(root, ...path.split("/")), { maxBytes });
  } catch {
    return undefined;
  }
}
