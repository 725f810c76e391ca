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
 * The settings a run obeys. An invalid settings file is refused rather than half-applied: the command
 * rules in it decide what the agent may run.
 */
export async function loadRunSettings(root: string): Promise<SpecwrightSettings> {
  const file = join(kiroPaths(root).settingsDirectory, "specwright.json");
  if (!(await pathExists(file))) return DEFAULT_SPECWRIGHT_SETTINGS;
  const document = parseSpecwrightSettings(await readTextFile(file, { maxBytes: 1024 * 1024 }));
  if (document.data === undefined) {
    throw new EngineError({
      code: "invalid-settings",
      message: ".kiro/settings/specwright.json is not valid, so the agent's limits and command rules are unknown.",
      fix: "Run `specwright check .kiro/settings` and fix what it reports.",
      path: file,
    });
  }
  return document.data;
}
