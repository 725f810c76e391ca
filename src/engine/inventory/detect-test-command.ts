import { join } from "node:path";
import {
  chooseTestCommand,
  TEST_COMMAND_TEXT_FILES,
  type TestCommandEvidence,
} from "../../model/inventory/choose-test-command.js";
import type { DetectedCommand } from "../../model/inventory/detected-command.js";
import { parseSpecwrightSettings } from "../../model/settings/specwright-settings.js";
import { kiroPaths } from "../../workspace/kiro-paths.js";
import { readRepositorySnapshot } from "../../workspace/read-repository-snapshot.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { walkRepositoryFiles } from "../../workspace/walk-repository-files.js";

export type { DetectedCommand } from "../../model/inventory/detected-command.js";

/** Python files looked at under tests/ and test/ to decide a project uses pytest; a handful are enough. */
const MAX_PYTHON_TEST_FILES_WALKED = 200;

/**
 * The command that proves a task at `root`: `verify.command` from `.kiro/settings/specwright.json`, else the
 * one the project's files name (see `chooseTestCommand` for the order). Undefined when nothing says how.
 */
export async function detectTestCommand(root: string): Promise<DetectedCommand | undefined> {
  return chooseTestCommand(await gatherTestCommandEvidence(root));
}

export async function gatherTestCommandEvidence(root: string): Promise<TestCommandEvidence> {
  const settingsCommand = await readVerifyCommand(root);
  const snapshot = await readRepositorySnapshot(root, { textFiles: TEST_COMMAND_TEXT_FILES, maxDepth: 0 });
  const pythonTestFiles: string[] = [];
  for (const folder of ["tests", "test"]) {
    if (!snapshot.topLevelFolders.includes(folder)) continue;
    const walk = await walkRepositoryFiles(root, { under: folder, maxFiles: MAX_PYTHON_TEST_FILES_WALKED });
    for (const file of walk.files) if (file.path.endsWith(".py")) pythonTestFiles.push(file.path);
  }
  return {
    ...(settingsCommand !== undefined ? { settingsCommand } : {}),
    rootFiles: snapshot.rootFiles,
    texts: snapshot.texts,
    pythonTestFiles,
  };
}

/**
 * `verify.command` of the settings. A settings file with an unrelated mistake (reported by `check`) still
 * names the command the user chose, so the value is read from the JSON even when the schema rejects it.
 */
async function readVerifyCommand(root: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readTextFile(join(kiroPaths(root).settingsDirectory, "specwright.json"), { maxBytes: 1024 * 1024 });
  } catch {
    return undefined;
  }
  const document = parseSpecwrightSettings(text);
  if (document.data !== undefined) return document.data.verify?.command;
  const verify = isRecord(document.value) ? document.value.verify : undefined;
  const command = isRecord(verify) ? verify.command : undefined;
  return typeof command === "string" && command.trim() !== "" ? command : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
