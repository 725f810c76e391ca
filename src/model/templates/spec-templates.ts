import type { SpecType } from "../settings/spec-config-schema.js";
import { bugfixTemplate } from "./bugfix-template.js";
import { bugfixDesignTemplate, featureDesignTemplate } from "./design-template.js";
import { requirementsTemplate } from "./requirements-template.js";
import { bugfixTasksTemplate, featureTasksTemplate } from "./tasks-template.js";

/** The workflows `new` can start; Kiro's `fast-task` skips the documents, so it is not offered. */
export const NEW_SPEC_WORKFLOWS = ["requirements-first", "design-first"] as const;
export type NewSpecWorkflow = (typeof NEW_SPEC_WORKFLOWS)[number];

export interface SpecTemplateOptions {
  /** The spec's kebab-case name (its folder name). */
  readonly name: string;
  readonly type: SpecType;
  readonly workflow: NewSpecWorkflow;
  /** The spec's id for `.config.kiro`, a UUID. */
  readonly specId: string;
}

export interface TemplateFile {
  /** The file name inside the spec folder. */
  readonly name: string;
  readonly content: string;
}

/**
 * The files of a new spec, documents in the order the workflow fills them in (design first for
 * `design-first`), then `.config.kiro`. Every workflow gets all three documents: a design-first spec still
 * derives its requirements from the design before tasks can trace to them, as Kiro's design-first specs do.
 */
export function specTemplates(options: SpecTemplateOptions): TemplateFile[] {
  const what =
    options.type === "bugfix"
      ? { name: "bugfix.md", content: bugfixTemplate(options.name) }
      : { name: "requirements.md", content: requirementsTemplate(options.name) };
  const design = {
    name: "design.md",
    content: options.type === "bugfix" ? bugfixDesignTemplate(options.name) : featureDesignTemplate(options.name),
  };
  const tasks = {
    name: "tasks.md",
    content: options.type === "bugfix" ? bugfixTasksTemplate() : featureTasksTemplate(),
  };
  const documents = options.workflow === "design-first" ? [design, what, tasks] : [what, design, tasks];
  return [...documents, { name: ".config.kiro", content: specConfigTemplate(options) }];
}

/**
 * `.config.kiro` exactly as Kiro writes it: one line, `", "` between members, no final newline.
 */
/** Where a spec came from: the prompt of `new` and the answers to its clarifying questions. */
export interface SpecOrigin {
  readonly prompt: string;
  readonly answers: readonly { readonly id: string; readonly question: string; readonly answer: string }[];
}

export function specConfigTemplate(
  options: Pick<SpecTemplateOptions, "specId" | "type" | "workflow"> & {
    /** `"from-code"` for an as-built spec read from existing code (`new --from-code`). */
    readonly origin?: SpecOrigin | "from-code";
    /** The code the spec owns, as globs (`specwright drift --base`). */
    readonly paths?: readonly string[];
  },
): string {
  const members: [string, unknown][] = [
    ["specId", options.specId],
    ["workflowType", options.workflow],
    ["specType", options.type],
  ];
  // Kept with the spec so a later `--update`, and a reader months on, can see what it was asked to be.
  if (options.origin) members.push(["origin", options.origin]);
  if (options.paths) members.push(["paths", options.paths]);
  return `{${members.map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(", ")}}`;
}
