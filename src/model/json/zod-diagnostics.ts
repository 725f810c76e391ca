import type { z } from "zod";
import type { Diagnostic, Severity } from "../source/diagnostic.js";
import type { JsonPath } from "./json-path.js";
import { findJsonPath, jsonPathLocation } from "./json-path-location.js";
import type { JsonText } from "./parse-json.js";

export interface ZodDiagnosticOptions {
  /** Diagnostic code for every issue (`hook-invalid-shape`). */
  readonly code: string;
  readonly severity?: Severity;
  readonly fix?: string;
}

/** The JSON path of a zod issue (symbol keys, which JSON cannot have, are dropped). */
export function zodIssuePath(issue: z.core.$ZodIssue): JsonPath {
  return issue.path.filter((segment): segment is string | number => typeof segment !== "symbol");
}

/** `hooks[0].action.type`, or `(root)` for the empty path. */
export function formatJsonPath(path: JsonPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === "" ? "(root)" : out;
}

/**
 * Turns zod issues on a parsed JSON value into diagnostics placed on the offending node: the value for a
 * wrong type, the object for a missing field, the key for an unrecognized one.
 */
export function zodIssuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  json: Pick<JsonText, "root" | "source">,
  options: ZodDiagnosticOptions,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const issue of issues) {
    const path = zodIssuePath(issue);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        diagnostics.push(
          withFix(options, {
            code: options.code,
            severity: options.severity ?? "error",
            message: `${formatJsonPath([...path, key])}: unknown property "${key}".`,
            location: jsonPathLocation(json, [...path, key], "key"),
          }),
        );
      }
      continue;
    }
    const missing = issue.code === "invalid_type" && isMissing(json, path);
    const last = path.at(-1);
    diagnostics.push(
      withFix(options, {
        code: options.code,
        severity: options.severity ?? "error",
        message:
          missing && last !== undefined
            ? `${formatJsonPath(path.slice(0, -1))}: required property "${last}" is missing.`
            : `${formatJsonPath(path)}: ${issue.message}`,
        location: jsonPathLocation(json, path),
      }),
    );
  }
  return diagnostics;
}

function withFix(options: ZodDiagnosticOptions, diagnostic: Diagnostic): Diagnostic {
  return options.fix === undefined ? diagnostic : { ...diagnostic, fix: options.fix };
}

function isMissing(json: Pick<JsonText, "root">, path: JsonPath): boolean {
  if (!json.root || path.length === 0) return false;
  return findJsonPath(json.root, path).depth < path.length;
}
