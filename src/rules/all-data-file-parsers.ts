import { parseHookFile } from "../model/hooks/parse-hook-file.js";
import { parseLegacyHook } from "../model/hooks/parse-legacy-hook.js";
import { parseMcpSettings } from "../model/settings/parse-mcp-settings.js";
import { parseSpecConfig } from "../model/settings/parse-spec-config.js";
import { parseTasksMeta } from "../model/settings/parse-tasks-meta.js";
import { parseSpecwrightSettings } from "../model/settings/specwright-settings.js";
import { parseSteering } from "../model/steering/parse-steering.js";
import type { DataFileParsers } from "./data-file-parsers.js";

/** Every data file parser, imported eagerly: for callers that parse whatever comes (the library, tests). */
export const ALL_DATA_FILE_PARSERS: DataFileParsers = {
  "spec-config": parseSpecConfig,
  "tasks-meta": parseTasksMeta,
  steering: parseSteering,
  "legacy-hook": parseLegacyHook,
  "hook-file": parseHookFile,
  "mcp-settings": parseMcpSettings,
  "specwright-settings": parseSpecwrightSettings,
};
