import type { BugfixDocument } from "../../model/bugfix/bugfix-types.js";
import { chunksMentioning, designChunks } from "../../model/design/design-mentions.js";
import type { RequirementsDocument } from "../../model/requirements/requirements-types.js";
import type { SourceText } from "../../model/source/source-text.js";
import { isRefusal, resolveTask } from "../../model/tasks/resolve-task.js";
import type { Task, TasksDocument } from "../../model/tasks/task-types.js";
import { flattenTasks } from "../../model/tasks/walk-tasks.js";
import { EngineError } from "../errors/engine-error.js";
import type { ContextReportPart } from "./context-report.js";
import { cutToSize } from "./cut-to-size.js";
import { filesNamedInText } from "./files-named-in-text.js";
import { referencedCriteria, specCriteria } from "./referenced-criteria.js";
import {
  renderCriteriaSection,
  renderDesignSection,
  renderSteeringSection,
  renderTaskSection,
} from "./render-task-context.js";
import { selectSteering } from "./select-steering.js";
import type { SteeringInput, SteeringSelection } from "./steering-selection.js";
import type { ContextDesignSection, ContextTask, TaskContext } from "./task-context-types.js";

/** A whole task context when the caller sets no cap: about 20 000 tokens, a fraction of any current window. */
export const DEFAULT_TASK_CONTEXT_MAX_CHARS = 80_000;

/** When steering competes for room, the design sections get at most this share of what is left. */
const DESIGN_SHARE = 0.6;

export interface TaskContextInput {
  readonly root: string;
  readonly spec: string;
  readonly plan: TasksDocument;
  readonly taskId: string;
  readonly requirements?: RequirementsDocument;
  readonly bugfix?: BugfixDocument;
  readonly design?: SourceText;
  readonly steering: readonly SteeringInput[];
  readonly steeringProblems?: SteeringSelection["problems"];
  readonly maxChars?: number;
  /** More files in play than the task names (the files a run touched), for `fileMatch` steering. */
  readonly filesInPlay?: readonly string[];
}

/**
 * Pure: a task's context from parsed documents. The task and its criteria always go in; the design sections
 * that mention them come next, then the steering the task's files and text call for, each cut to what is
 * left of `maxChars`. An unknown task id is refused with the closest ids.
 */
export function assembleTaskContext(input: TaskContextInput): TaskContext {
  const maxChars = Math.max(0, input.maxChars ?? DEFAULT_TASK_CONTEXT_MAX_CHARS);
  const task = findTaskOrRefuse(input.plan, input.taskId, input.spec);
  const referenced = referencedCriteria(task, specCriteria(input));
  const contextTask = describeTask(task, referenced.referenced);
  const parts: ContextReportPart[] = [];

  const taskText = renderTaskSection(input.spec, contextTask);
  parts.push(part("task", `task ${contextTask.id}`, "the task itself", taskText.length, taskText.length));
  let remaining = maxChars - taskText.length;

  const criteriaFull = renderCriteriaSection(referenced.criteria, referenced.unresolved);
  const criteriaCut = cutToSize(criteriaFull, Math.max(0, remaining));
  remaining -= criteriaCut.text.length;
  if (criteriaFull !== "") {
    const ids = referenced.criteria.map((criterion) => criterion.id);
    parts.push(
      part(
        "criteria",
        `criteria ${summarize(ids)}`,
        "referenced by the task",
        criteriaCut.text.length,
        criteriaFull.length,
      ),
    );
  }

  const requirementIds = [...new Set(referenced.criteria.map((criterion) => criterion.requirementId))];
  const mentioning = input.design
    ? chunksMentioning(designChunks(input.design), {
        criterionIds: referenced.criteria.map((criterion) => criterion.id),
        requirementIds,
        propertyNumbers: flattenProperties(task),
      })
    : [];
  const filesInPlay = [...new Set([...filesNamedInText(taskSourceText(task)), ...(input.filesInPlay ?? [])])];
  const steeringWanted = input.steering.length > 0;
  let designBudget = steeringWanted ? Math.floor(Math.max(0, remaining) * DESIGN_SHARE) : Math.max(0, remaining);
  const design: ContextDesignSection[] = [];
  for (const chunk of mentioning) {
    const overhead = chunk.heading.length + 20;
    const cut = cutToSize(chunk.text, Math.max(0, designBudget - overhead));
    const name = `design: ${chunk.heading}`;
    const reason = `mentions ${chunk.mentions.join(", ")}`;
    if (cut.text === "") {
      parts.push(part("design", name, `${reason}; the size cap was reached`, 0, chunk.text.length, "excluded"));
      continue;
    }
    designBudget -= cut.text.length + overhead;
    remaining -= cut.text.length + overhead;
    design.push({ heading: chunk.heading, mentions: chunk.mentions, text: cut.text, truncated: cut.truncated });
    parts.push(part("design", name, reason, cut.text.length, chunk.text.length, cut.truncated ? "cut" : "included"));
  }

  const steeringOverhead = input.steering.reduce((sum, entry) => sum + entry.path.length + 80, 0);
  const selection = selectSteering({
    steering: input.steering,
    filesInPlay,
    prompt: taskSourceText(task),
    maxChars: Math.max(0, remaining - steeringOverhead),
  });
  const steering: SteeringSelection = {
    ...selection,
    problems: [...(input.steeringProblems ?? []), ...selection.problems],
  };
  for (const entry of steering.included) {
    parts.push(
      part(
        "steering",
        entry.path,
        entry.reason,
        entry.text.length,
        entry.fullChars,
        entry.truncated ? "cut" : "included",
      ),
    );
  }
  for (const entry of steering.excluded) parts.push(part("steering", entry.path, entry.reason, 0, 0, "excluded"));

  const sections = [
    taskText,
    criteriaCut.text,
    renderDesignSection(design),
    renderSteeringSection(steering.included),
  ].filter((section) => section !== "");
  // The parts were cut to fit; headings are estimated, so the whole is held to the cap once more.
  const text = cutToSize(sections.join("\n"), maxChars).text;
  return {
    root: input.root,
    spec: input.spec,
    task: contextTask,
    criteria: referenced.criteria,
    unresolvedReferences: referenced.unresolved,
    design,
    steering,
    filesInPlay,
    text,
    report: { maxChars, totalChars: text.length, parts },
  };
}

function findTaskOrRefuse(plan: TasksDocument, taskId: string, spec: string): Task {
  const found = resolveTask(plan, taskId);
  if (!isRefusal(found)) return found;
  throw new EngineError({
    code: found.code,
    message: `${found.message.replace(/\.$/, "")} in spec "${spec}".`,
    fix: found.fix,
    ...(found.candidates === undefined ? {} : { candidates: found.candidates }),
  });
}

function describeTask(task: Task, references: readonly string[]): ContextTask {
  return {
    id: task.id ?? "",
    title: task.title,
    status: task.status,
    optional: task.optional,
    checkpoint: task.checkpoint,
    details: task.details.map((detail) => detail.text),
    subTasks: task.children.map((child) => `${child.id ?? ""} ${child.title}`.trim()),
    references,
  };
}

/** The task's own words and its sub-tasks': where file names and `#steering` names are looked for. */
function taskSourceText(task: Task): string {
  return flattenTasks([task])
    .flatMap((entry) => [entry.title, ...entry.details.map((detail) => detail.text)])
    .join("\n");
}

function flattenProperties(task: Task): string[] {
  return [...new Set(flattenTasks([task]).flatMap((entry) => entry.properties.map((property) => property.number)))];
}

function summarize(ids: readonly string[]): string {
  return ids.length <= 6 ? ids.join(", ") : `${ids.slice(0, 6).join(", ")} and ${ids.length - 6} more`;
}

function part(
  kind: ContextReportPart["kind"],
  name: string,
  reason: string,
  chars: number,
  fullChars: number,
  outcome: ContextReportPart["outcome"] = "included",
): ContextReportPart {
  return { kind, name, outcome, reason, chars, fullChars };
}
