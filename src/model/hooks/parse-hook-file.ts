import { jsonPathLocation } from "../json/json-path-location.js";
import { extendJsonDocument, type JsonDocument, parseJsonDocument } from "../json/parse-json-document.js";
import type { Diagnostic } from "../source/diagnostic.js";
import { type HookFile, HookFileSchema } from "./hook-file-schema.js";

/** A parsed Kiro 1.0 hook file (`.kiro/hooks/*.json`). */
export interface HookFileDocument extends JsonDocument<HookFile> {
  readonly kind: "hook-file";
  readonly hookFile: HookFile | undefined;
}

export const HOOK_FILE_VERSION = "v1";

export function parseHookFile(text: string): HookFileDocument {
  const document = parseJsonDocument(text, HookFileSchema, {
    code: "hook-invalid-shape",
    fix: 'Write `{"version": "v1", "hooks": [{"name", "trigger", "action": {"type", …}}]}` as Kiro 1.0 does.',
  });
  const diagnostics: Diagnostic[] = [...document.diagnostics];
  if (document.data && document.data.version !== HOOK_FILE_VERSION) {
    diagnostics.push({
      code: "hook-file-version",
      severity: "warning",
      message: `Hook file version "${document.data.version}" is not "${HOOK_FILE_VERSION}", the only version Kiro 1.0 reads.`,
      fix: `Set "version" to "${HOOK_FILE_VERSION}".`,
      location: jsonPathLocation(document, ["version"]),
    });
  }
  return extendJsonDocument(
    document,
    {
      kind: "hook-file",
      hookFile: document.data,
    },
    diagnostics,
  );
}
