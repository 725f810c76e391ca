import type { ContextReport } from "./context-report.js";
import type { ContextCriterion } from "./referenced-criteria.js";
import type { SteeringSelection } from "./steering-selection.js";

/** The task as its context shows it. */
export interface ContextTask {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly optional: boolean;
  readonly checkpoint: boolean;
  /** Detail lines under the task, as written (reference lines included). */
  readonly details: readonly string[];
  /** Sub-tasks, `id title` each. */
  readonly subTasks: readonly string[];
  /** The criterion and requirement ids the task (and its sub-tasks) reference, `all` for `All`. */
  readonly references: readonly string[];
}

export interface ContextDesignSection {
  readonly heading: string;
  /** The ids (and `Property N`) of this task that the section mentions. */
  readonly mentions: readonly string[];
  readonly text: string;
  readonly truncated: boolean;
}

/** Everything a model needs to implement one task, and nothing it does not. */
export interface TaskContext {
  readonly root: string;
  readonly spec: string;
  readonly task: ContextTask;
  readonly criteria: readonly ContextCriterion[];
  /** Ids the task references that the spec does not define. */
  readonly unresolvedReferences: readonly string[];
  readonly design: readonly ContextDesignSection[];
  readonly steering: SteeringSelection;
  /** Paths named in the task's text: they decide `fileMatch` steering. */
  readonly filesInPlay: readonly string[];
  /** The whole context as Markdown, for a model. */
  readonly text: string;
  readonly report: ContextReport;
}
