import { isScalar, isSeq } from "yaml";
import type { MarkdownDocumentBase } from "../document/kiro-document.js";
import type { Diagnostic } from "../source/diagnostic.js";
import type { SourceLocation } from "../source/source-location.js";
import { createOffsetLocator, splitSourceText } from "../source/source-text.js";
import { type FileReference, findFileReferences } from "./file-references.js";
import { type FrontMatter, type FrontMatterField, parseFrontMatter } from "./front-matter.js";
import { isSteeringInclusionMode, type SteeringInclusionMode, suggestInclusionFix } from "./steering-inclusion.js";

/** A string front matter value and where it is written. */
export interface SteeringValue {
  readonly value: string;
  readonly location: SourceLocation;
}

/** One `fileMatchPattern` glob, as written (a comma-separated string stays one pattern). */
export interface SteeringPattern {
  readonly pattern: string;
  readonly location: SourceLocation;
}

/** A parsed `.kiro/steering/*.md` file. */
export interface SteeringDocument extends MarkdownDocumentBase {
  readonly kind: "steering";
  readonly frontMatter: FrontMatter | undefined;
  /** `inclusion:` as written, known or not. */
  readonly inclusion: SteeringValue | undefined;
  /** When Kiro includes the file: `always` without an `inclusion:`, `unknown` for a value Kiro does not know. */
  readonly inclusionMode: SteeringInclusionMode | "unknown";
  /** `fileMatchPattern` as written: a string, an inline list or a block list. */
  readonly fileMatchPattern: SteeringValue | readonly SteeringValue[] | undefined;
  /** The globs of `fileMatchPattern`, one per string or list item. */
  readonly fileMatchPatterns: readonly SteeringPattern[];
  readonly name: SteeringValue | undefined;
  readonly description: SteeringValue | undefined;
  /** Every front matter key as plain data, `title`, `context` and other extra keys included. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly fileReferences: readonly FileReference[];
}

export function parseSteering(text: string): SteeringDocument {
  const source = splitSourceText(text);
  const parsed = parseFrontMatter(source);
  const frontMatter = parsed.frontMatter;
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const field = (key: string): FrontMatterField | undefined => frontMatter?.fields.find((entry) => entry.key === key);

  const inclusionField = field("inclusion");
  const inclusion = inclusionField ? stringValue(inclusionField, diagnostics) : undefined;
  const patternField = field("fileMatchPattern");
  const locate = createOffsetLocator(source);
  const contentOffset = frontMatter?.contentOffset ?? 0;
  const locateYaml = (start: number, end: number): SourceLocation => locate(contentOffset + start, contentOffset + end);
  const fileMatchPattern = patternField ? patternValue(patternField, locateYaml, diagnostics) : undefined;
  const fileMatchPatterns: SteeringPattern[] = (
    Array.isArray(fileMatchPattern) ? fileMatchPattern : fileMatchPattern ? [fileMatchPattern] : []
  ).map((entry: SteeringValue) => ({ pattern: entry.value, location: entry.location }));

  let inclusionMode: SteeringInclusionMode | "unknown" = "always";
  if (inclusion) {
    if (isSteeringInclusionMode(inclusion.value)) inclusionMode = inclusion.value;
    else {
      inclusionMode = "unknown";
      diagnostics.push({
        code: "steering-unknown-inclusion",
        severity: "warning",
        message: `Kiro does not know \`inclusion: ${inclusion.value}\`; it expects always, fileMatch, manual or auto.`,
        fix: suggestInclusionFix(inclusion.value, fileMatchPatterns.length > 0),
        location: inclusion.location,
      });
    }
  } else if (inclusionField && inclusionField.node !== null && !isEmptyScalar(inclusionField)) {
    // A list or mapping where the mode belongs: Kiro cannot read a mode from it.
    inclusionMode = "unknown";
  }

  const nameField = field("name");
  const descriptionField = field("description");
  return {
    kind: "steering",
    source,
    diagnostics,
    frontMatter,
    inclusion,
    inclusionMode,
    fileMatchPattern,
    fileMatchPatterns,
    name: nameField ? stringValue(nameField, diagnostics) : undefined,
    description: descriptionField ? stringValue(descriptionField, diagnostics) : undefined,
    data: frontMatter?.data ?? {},
    fileReferences: findFileReferences(source),
  };
}

/** A scalar front matter value as a string; a list or map where a string belongs is a diagnostic. */
function stringValue(field: FrontMatterField, diagnostics: Diagnostic[]): SteeringValue | undefined {
  if (field.node === null || isEmptyScalar(field)) {
    diagnostics.push(emptyValue(field));
    return undefined;
  }
  if (isScalar(field.node)) return { value: String(field.node.value), location: field.valueLocation };
  diagnostics.push({
    code: "steering-invalid-field",
    severity: "error",
    message: `\`${field.key}\` must be a single value, not a list or a mapping.`,
    fix: `Write \`${field.key}: <value>\` on one line.`,
    location: field.valueLocation,
  });
  return undefined;
}

function patternValue(
  field: FrontMatterField,
  locateYaml: (start: number, end: number) => SourceLocation,
  diagnostics: Diagnostic[],
): SteeringValue | readonly SteeringValue[] | undefined {
  if (isSeq(field.node)) {
    const items: SteeringValue[] = [];
    for (const item of field.node.items) {
      if (isScalar(item) && item.value !== null && typeof item.value !== "object") {
        const range = item.range ?? [0, 0, 0];
        items.push({ value: String(item.value), location: locateYaml(range[0], range[1]) });
      } else {
        diagnostics.push({
          code: "steering-invalid-field",
          severity: "error",
          message: "Every `fileMatchPattern` list item must be a glob string.",
          fix: "Write each pattern as a quoted string, such as `- '**/*.ts'`.",
          location: field.valueLocation,
        });
      }
    }
    return items;
  }
  return stringValue(field, diagnostics);
}

function emptyValue(field: FrontMatterField): Diagnostic {
  return {
    code: "steering-empty-field",
    severity: "warning",
    message: `\`${field.key}\` has no value, so Kiro ignores it.`,
    fix: `Give \`${field.key}\` a value or remove the line.`,
    location: field.keyLocation,
  };
}

function isEmptyScalar(field: FrontMatterField): boolean {
  return isScalar(field.node) && field.node.value === null;
}
