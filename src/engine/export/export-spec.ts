import type { CorrectnessProperty } from "../../model/design/correctness-properties.js";
import type { Diagnostic } from "../../model/source/diagnostic.js";
import type { SourceLocation } from "../../model/source/source-location.js";
import { taskReferenceIds } from "../../model/tasks/task-reference-ids.js";
import type { Task } from "../../model/tasks/task-types.js";
import type { LoadedSpec } from "../workspace-model/load-spec.js";

/**
 * The public JSON contract of `specwright export` (docs/export-json.md). Bump EXPORT_SCHEMA_VERSION on any
 * change that is not a pure addition.
 */
export const EXPORT_SCHEMA_VERSION = 1;

export interface ExportedLocation {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface ExportedTask {
  readonly id: string | null;
  readonly title: string;
  readonly status: Task["status"];
  readonly optional: boolean;
  readonly checkpoint: boolean;
  readonly requirements: readonly string[];
  readonly requirementsAll: boolean;
  readonly validates: readonly string[];
  readonly properties: readonly string[];
  readonly metadata: Readonly<Record<string, string>>;
  readonly details: readonly string[];
  readonly location: ExportedLocation;
  readonly children: readonly ExportedTask[];
}

export function exportLocation(location: SourceLocation): ExportedLocation {
  return { line: location.line, column: location.column, endLine: location.endLine, endColumn: location.endColumn };
}

function exportTask(task: Task): ExportedTask {
  return {
    id: task.id ?? null,
    title: task.title,
    status: task.status,
    optional: task.optional,
    checkpoint: task.checkpoint,
    requirements: taskReferenceIds(task, "requirements"),
    requirementsAll: task.references.some((line) => line.kind === "requirements" && line.references.all),
    validates: taskReferenceIds(task, "validates"),
    properties: task.properties.map((property) => property.number),
    metadata: Object.fromEntries(task.metadata.map((entry) => [entry.key, entry.value])),
    details: task.details.map((detail) => detail.text),
    location: exportLocation(task.location),
    children: task.children.map(exportTask),
  };
}

export function exportSpec(spec: LoadedSpec) {
  const { model } = spec;
  const loadedFiles = [model.requirements, model.bugfix, model.design, model.tasks, model.config];
  const diagnostics = loadedFiles.flatMap((file) =>
    (file?.document.diagnostics ?? []).map((diagnostic: Diagnostic) => ({
      file: file?.path ?? "",
      code: diagnostic.code,
      severity: diagnostic.severity,
      message: diagnostic.message,
      fix: diagnostic.fix ?? null,
      location: exportLocation(diagnostic.location),
    })),
  );
  const requirements = model.requirements?.document;
  const bugfix = model.bugfix?.document;
  const design = model.design?.document;
  const tasks = model.tasks?.document;
  const config = model.config?.document;
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    spec: {
      name: spec.summary.name,
      type: spec.summary.type,
      path: model.path,
      documents: spec.summary.documents,
      specId: config?.config?.specId ?? null,
      workflowType: config?.workflowType ?? null,
    },
    glossary: (requirements?.glossary ?? []).map((term) => ({
      term: term.term,
      definition: term.definition,
      location: exportLocation(term.location),
    })),
    requirements: (requirements?.requirements ?? []).map((requirement) => ({
      id: requirement.id,
      title: requirement.title ?? null,
      userStory: requirement.userStory?.text ?? null,
      location: exportLocation(requirement.location),
      criteria: requirement.criteria.map((criterion) => ({
        id: criterion.id,
        text: criterion.text,
        ears: criterion.ears.pattern,
        subject: criterion.ears.subject ?? null,
        group: criterion.group ?? null,
        location: exportLocation(criterion.location),
      })),
    })),
    bugfix: (bugfix?.clauses ?? []).map((clause) => ({
      id: clause.id,
      group: clause.group,
      text: clause.text,
      ears: clause.ears.pattern,
      location: exportLocation(clause.location),
    })),
    design: design
      ? {
          sections: design.sections.map((section) => ({
            level: section.level,
            title: section.title,
            location: exportLocation(section.location),
          })),
          properties: exportProperties(design.properties),
        }
      : null,
    tasks: (tasks?.tasks ?? []).map(exportTask),
    diagnostics,
    problems: spec.problems.map(({ path, ...problem }) => ({ file: path, ...problem })),
  };
}

export type ExportedSpec = ReturnType<typeof exportSpec>;

interface ExportedDuplicate {
  readonly title: string;
  readonly validates: readonly string[];
  readonly location: ReturnType<typeof exportLocation>;
}

/** Each property once, in document order; a second definition of the same number is listed under the first. */
function exportProperties(properties: readonly CorrectnessProperty[]) {
  const byNumber = new Map<string, ExportedDuplicate[]>();
  const exported = [];
  for (const property of properties) {
    const duplicates = byNumber.get(property.number);
    const validates = property.validates?.ids ?? [];
    if (duplicates) {
      duplicates.push({ title: property.title, validates, location: exportLocation(property.location) });
      continue;
    }
    const own: ExportedDuplicate[] = [];
    byNumber.set(property.number, own);
    exported.push({
      number: property.number,
      title: property.title,
      statement: property.statement ?? null,
      validates,
      validatesAll: property.validates?.all ?? false,
      location: exportLocation(property.location),
      duplicates: own,
    });
  }
  return exported;
}
