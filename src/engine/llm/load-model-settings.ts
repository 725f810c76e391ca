import { join } from "node:path";
import {
  DEFAULT_SPECWRIGHT_SETTINGS,
  parseSpecwrightSettings,
  type SpecwrightSettings,
} from "../../model/settings/specwright-settings.js";
import { kiroPaths } from "../../workspace/kiro-paths.js";
import { pathExists } from "../../workspace/path-exists.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { EngineError } from "../engine-error.js";

/**
 * `.kiro/settings/specwright.json` for a model command. An invalid file is refused, not half-applied: its
 * budgets would silently not hold.
 */
export async function loadModelSettings(root: string): Promise<SpecwrightSettings> {
  const file = join(kiroPaths(root).settingsDirectory, "specwright.json");
  if (!(await pathExists(file))) return DEFAULT_SPECWRIGHT_SETTINGS;
  const document = parseSpecwrightSettings(await readTextFile(file, { maxBytes: 1024 * 1024 }));
  if (document.data === undefined) {
    throw new EngineError({
      code: "invalid-settings",
      message: ".kiro/settings/specwright.json is not valid, so the model, budgets and retries in it are unknown.",
      fix: "Run `specwright check .kiro/settings` and fix what it reports.",
      path: file,
    });
  }
  return document.data;
}
