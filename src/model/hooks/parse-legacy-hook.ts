import { extendJsonDocument, type JsonDocument, parseJsonDocument } from "../json/parse-json-document.js";
import { type LegacyHook, LegacyHookSchema } from "./legacy-hook-schema.js";

/** A parsed `.kiro.hook` file (Kiro 0.x). */
export interface LegacyHookDocument extends JsonDocument<LegacyHook> {
  readonly kind: "legacy-hook";
  /** The hook when the file is valid JSON of the right shape; `value` keeps whatever was read otherwise. */
  readonly hook: LegacyHook | undefined;
}

export function parseLegacyHook(text: string): LegacyHookDocument {
  const document = parseJsonDocument(text, LegacyHookSchema, {
    code: "hook-invalid-shape",
    fix: "Give the hook a string `name`, a `when` object with a `type` and a `then` object with a `type`, as Kiro writes them.",
  });
  return extendJsonDocument(document, {
    kind: "legacy-hook",
    hook: document.data,
  });
}
