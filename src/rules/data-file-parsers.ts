import type { HookFileDocument, LegacyHookDocument } from "../model/hooks/index.js";
import type { McpSettingsDocument, SpecConfigDocument, TasksMetaDocument } from "../model/settings/index.js";
import type { SpecwrightSettingsDocument } from "../model/settings/specwright-settings.js";
import type { SteeringDocument } from "../model/steering/index.js";

/**
 * The parsers of the files that are JSON or carry YAML front matter. They bring zod, yaml and jsonc-parser,
 * the biggest modules `check` loads, so a caller that can wait loads only the ones its files need
 * (`assembleWorkspaceModel`); the markdown parsers are always needed and imported directly.
 */
export interface DataFileParsers {
  readonly "spec-config": (text: string) => SpecConfigDocument;
  readonly "tasks-meta": (text: string) => TasksMetaDocument;
  readonly steering: (text: string) => SteeringDocument;
  readonly "legacy-hook": (text: string) => LegacyHookDocument;
  readonly "hook-file": (text: string) => HookFileDocument;
  readonly "mcp-settings": (text: string) => McpSettingsDocument;
  readonly "specwright-settings": (text: string) => SpecwrightSettingsDocument;
}

export type DataFileKind = keyof DataFileParsers;

export const DATA_FILE_KINDS: readonly DataFileKind[] = [
  "spec-config",
  "tasks-meta",
  "steering",
  "legacy-hook",
  "hook-file",
  "mcp-settings",
  "specwright-settings",
];

const SPEC_DATA_FILES: Readonly<Record<string, DataFileKind>> = {
  ".config.kiro": "spec-config",
  "tasks.meta.json": "tasks-meta",
};

/** The kind of a spec folder's file (`.config.kiro`, `tasks.meta.json`) by its name, if it is a data file. */
export function specDataFileKind(name: string): DataFileKind | undefined {
  return Object.hasOwn(SPEC_DATA_FILES, name) ? SPEC_DATA_FILES[name] : undefined;
}

/** The kind of a steering, hook or settings file by its path (relative to the root, `/`-separated). */
export function sharedDataFileKind(path: string): DataFileKind | undefined {
  if (/^\.kiro\/steering\/[^/]+\.md$/.test(path)) return "steering";
  if (/^\.kiro\/hooks\/[^/]+\.kiro\.hook$/.test(path)) return "legacy-hook";
  if (/^\.kiro\/hooks\/[^/]+\.json$/.test(path)) return "hook-file";
  if (path === ".kiro/settings/mcp.json") return "mcp-settings";
  if (path === ".kiro/settings/specwright.json") return "specwright-settings";
  return undefined;
}
