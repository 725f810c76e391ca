import { join } from "node:path";
import {
  DEFAULT_SPECWRIGHT_SETTINGS,
  parseSpecwrightSettings,
  type SpecwrightSettings,
} from "../../model/settings/specwright-settings.js";
import { kiroPaths } from "../../workspace/kiro-paths.js";
import { pathExists } from "../../workspace/path-exists.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { EngineError } from "../errors/engine-error.js";

/**
 * `.kiro/settings/specwright.json` for a command that obeys it. An invalid file is refused, not half-applied:
 * what it says (budgets, command rules) would silently not hold. `governs` names that for the message,
 * e.g. "the model, budgets and retries".
 */
export async function loadSpecwrightSettings(root: string, governs: string): Promise<SpecwrightSettings> {
  const file = join(kiroPaths(root).settingsDirectory, "specwright.json");
  if (!(await pathExists(file))) return DEFAULT_SPECWRIGHT_SETTINGS;
  const document = parseSpecwrightSettings(await readTextFile(file, { maxBytes: 1024 * 1024 }));
  if (document.data === undefined) {
    throw new EngineError({
      code: "invalid-settings",
      message: `.kiro/settings/specwright.json is not valid, so ${governs} in it are unknown.`,
      fix: "Run `specwright check .kiro/settings` and fix what it reports.",
      path: file,
    });
  }
  return document.data;
}
